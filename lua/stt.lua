-- stt — the numbers of a table's STT column, in one place for the layout (tables.lua) and for
-- `kehoach check`: which rows are numbered, the number each gets, and where a number typed in
-- the file disagrees with it.
--
-- A data row (below the header rows, not a "#" group row) with text outside its STT cell is
-- numbered: an empty STT cell gets the next number; a typed number of the format (7, 7., 07;
-- IV; đ; I.2, or 2 under "group.n") keeps its text but takes the next number too, and is
-- reported when it differs. Other typed text ("Tổng", "^", "-") is no number: the counter does
-- not move. With restart (the default) the numbers start again in each "#" group.
local numbering = require("numbering")

local M = {}

function M.label(fmt, n, groups)
  if fmt == "group.n" then
    local g = groups[#groups]
    if g and g.label ~= "" then return g.label .. "." .. n end
    return tostring(n)
  elseif fmt == "roman" or fmt == "letter" or fmt == "upper-letter" then
    return numbering.format(fmt, n)
  end
  return tostring(n)
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local function letters_only(s)
  for _, l in ipairs(numbering.LETTERS) do
    if #s % #l == 0 and s == string.rep(l, #s // #l) then return true end
  end
  return false
end

-- Whether TYPED (an STT cell's text) is a number of FMT, and then whether it says LABEL (the
-- number N the row gets, as FMT writes it).
local function compare(typed, fmt, n, label)
  local t = trim(typed):gsub("[%.%)]$", "")
  if t == "" then return false end
  if t:match("^%d+$") then
    if fmt == "group.n" or fmt == "n" or fmt == nil then return true, tonumber(t) == n end
    return false
  end
  if fmt == "group.n" then
    if not t:match("^[%w]+%.%d+$") then return false end
    return true, kh.upper(t) == kh.upper(label)
  elseif fmt == "roman" then
    if not kh.upper(t):match("^[IVXLCDM]+$") then return false end
    return true, kh.upper(t) == label
  elseif fmt == "letter" or fmt == "upper-letter" then
    local low = kh.lower(t)
    if not letters_only(low) then return false end
    return true, low == kh.lower(label)
  end
  return false
end

-- For SPEC (rows, header_rows, stt): numbers[r] the label row r's empty STT cell gets (nil: the
-- row is not numbered, or its cell is typed), and the typed numbers that disagree, each
-- { row = r, typed = text, number = label }.
function M.number(spec)
  local rows = spec.rows
  local stt = type(spec.stt) == "table" and spec.stt or {}
  local col = stt.column or 1
  local fmt = stt.format or "n"
  local restart = stt.restart
  if restart == nil then restart = true end
  local header_rows = spec.header_rows or 1
  local numbers, disagree = {}, {}
  local groups, counter = {}, 0
  for r, row in ipairs(rows) do
    if r > header_rows and type(row) == "table" then
      local first = type(row[1]) == "string" and row[1] or ""
      local marks = first:match("^(#+)")
      if marks then
        while #groups >= #marks do table.remove(groups) end
        groups[#groups + 1] = { label = first:sub(#marks + 1) }
        if restart then counter = 0 end
      else
        local filled = false
        for k, text in ipairs(row) do
          if k ~= col and type(text) == "string" and text ~= "" then filled = true end
        end
        local typed = row[col]
        if filled and (typed == nil or typed == "") then
          counter = counter + 1
          numbers[r] = M.label(fmt, counter, groups)
        elseif filled and type(typed) == "string" then
          local label = M.label(fmt, counter + 1, groups)
          local is_number, same = compare(typed, fmt, counter + 1, label)
          if is_number then
            counter = counter + 1
            if not same then disagree[#disagree + 1] = { row = r, typed = typed, number = label } end
          end
        end
      end
    end
  end
  return numbers, disagree
end

-- The message for one typed number that disagrees: STT "7" typed, the automatic number is 2.
function M.message(d)
  return string.format(kh._("STT \"%s\" typed, the automatic number is %s"), d.typed, d.number)
end

return M
