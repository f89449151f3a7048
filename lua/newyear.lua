-- newyear — the text rewriting of `kehoach new`: this year's plan folder becomes next year's.
--
--   rewrite(text, { delta = 1, shift_ranges = false, plan = false }) → new_text, changes
--
-- Periods move by DELTA years, earlier years too, since a plan names them relative to its own
-- year: "năm 2026", "Năm 2026", "NĂM 2026", "cuối năm 2025", "Quý III/2026", "tháng 6/2026".
-- Left as they are: dates of cited documents ("ngày 23/6/2026", "23/6/2026",
-- "ngày 05 tháng 01 năm 2024"), document numbers and symbols ("số 266/KH-UBND",
-- "34/2020/QĐ-UBND"), years without a word saying they are a period ("PAR INDEX 2025"), and
-- ranges ("giai đoạn 2026-2030") and horizons ("đến năm 2030") unless SHIFT_RANGES.
-- In the plan file (PLAN) the number is cleared (number = nil) and each date loses its day and
-- moves by DELTA (date = "2027-06").
-- CHANGES: { {line = 12, text = '"năm 2026" → "năm 2027"'}, … } in the order of the text.
local M = {}

local function lower(s)
  local ok, r = pcall(kh.lower, s)
  return ok and r or nil
end

-- The code part of a line of Lua: what comes before a "--" that is not inside a string.
local function code_length(line)
  local quote
  local i = 1
  while i <= #line do
    local c = line:sub(i, i)
    if quote then
      if c == "\\" then i = i + 1 elseif c == quote then quote = nil end
    elseif c == '"' or c == "'" then
      quote = c
    elseif line:sub(i, i + 1) == "--" then
      return i - 1
    end
    i = i + 1
  end
  return #line
end

-- number = 98 → number = nil; date = "2026-06-15" → date = "2027-06".
local function plan_fields(line, delta, changes, n)
  local code = line:sub(1, code_length(line))
  local rest = line:sub(#code + 1)
  code = code:gsub("%f[%w_]number(%s*=%s*)([\"']?)(%d+)([\"']?)", function(eq, q1, digits, q2)
    if q1 ~= q2 then return nil end
    local from = "number" .. eq .. q1 .. digits .. q2
    local to = "number" .. eq .. "nil"
    changes[#changes + 1] = { line = n, text = from .. " → " .. to }
    return to
  end)
  code = code:gsub("%f[%w_]date(%s*=%s*)([\"'])(%d%d%d%d)%-(%d%d)(%-?%d*)%2", function(eq, q, y, m, day)
    local from = "date" .. eq .. q .. y .. "-" .. m .. day .. q
    local to = string.format("date%s%s%04d-%s%s", eq, q, tonumber(y) + delta, m, q)
    if to == from then return nil end
    changes[#changes + 1] = { line = n, text = from .. " → " .. to }
    return to
  end)
  return code .. rest
end

-- What a year at S..E of LINE is: "move" (with the start of the phrase that names the period),
-- "range" (with its end, separator and second year) or nil (left alone).
local function classify(line, s, e, year, shift_ranges)
  for _, dash in ipairs({ "%-", "–", "—" }) do
    local sep, y2 = line:match("^(%s*" .. dash .. "%s*)(%d%d%d%d)%f[%D]", e + 1)
    if y2 and tonumber(y2) > year and tonumber(y2) - year <= 50 then
      return "range", e + #sep + 4, sep, tonumber(y2)
    end
  end
  -- "2026/QĐ-UBND", "2020/NĐ-CP": part of a document's number
  if line:match("^/%S", e + 1) then return nil end
  local prefix = line:sub(1, s - 1)
  local low = lower(prefix)
  if not low then return nil end
  local function start(k)
    -- the phrase as typed: lower() keeps byte lengths of NFC text; else show the year alone
    if #low == #prefix then return k end
    return s
  end
  if low:match("số%s*$") then return nil end
  if low:match("/%s*$") then
    local k = low:match("()quý%s+[ivxlc%d]+%s*/%s*$") or low:match("()tháng%s+%d%d?%s*/%s*$")
    if k then return "move", start(k) end
    return nil                                  -- 23/6/2026, 30/2020: a date or a number
  end
  local k = low:match("()đến%s+năm%s+$")
  if k then
    if shift_ranges then return "move", start(k) end
    return nil                                  -- a horizon: "đến năm 2030"
  end
  k = low:match("()năm%s+$")
  if k then
    if low:sub(1, k - 1):match("ngày[^%a]-tháng[^%a]-$") then return nil end   -- ngày 05 tháng 01 năm 2024
    return "move", start(k)
  end
  return nil
end

local function rewrite_line(line, n, opts, changes)
  local delta = opts.delta
  local out, from = {}, 1
  local i = 1
  while true do
    local s, e = line:find("%f[%d]%d%d%d%d%f[%D]", i)
    if not s then break end
    local year = tonumber(line:sub(s, e))
    local next_i = e + 1
    if year >= 1900 and year <= 2100 then
      local kind, a, b, c = classify(line, s, e, year, opts.shift_ranges)
      if kind == "range" then
        local stop, sep, y2 = a, b, c
        if opts.shift_ranges and delta ~= 0 then
          local low = lower(line:sub(1, s - 1)) or ""
          local k = low:match("()giai đoạn%s+$")
          local p = (k and #low == s - 1) and k or s
          local to = string.format("%d%s%d", year + delta, sep, y2 + delta)
          changes[#changes + 1] = { line = n,
            text = string.format('"%s" → "%s"', line:sub(p, stop), line:sub(p, s - 1) .. to) }
          out[#out + 1] = line:sub(from, s - 1) .. to
          from = stop + 1
        end
        next_i = stop + 1
      elseif kind == "move" and delta ~= 0 then
        local to = tostring(year + delta)
        changes[#changes + 1] = { line = n,
          text = string.format('"%s" → "%s"', line:sub(a, e), line:sub(a, s - 1) .. to) }
        out[#out + 1] = line:sub(from, s - 1) .. to
        from = e + 1
      end
    end
    i = next_i
  end
  out[#out + 1] = line:sub(from)
  return table.concat(out)
end

function M.rewrite(text, opts)
  opts = opts or {}
  opts.delta = opts.delta or 0
  local changes, out = {}, {}
  local n, pos = 0, 1
  while pos <= #text do
    local nl = text:find("\n", pos, true)
    local line = text:sub(pos, (nl or #text + 1) - 1)
    local eol = nl and "\n" or ""
    pos = (nl or #text) + 1
    n = n + 1
    if opts.plan then line = plan_fields(line, opts.delta, changes, n) end
    out[#out + 1] = rewrite_line(line, n, opts, changes) .. eol
  end
  return table.concat(out), changes
end

return M
