-- check — the rules of `kehoach check`: a plan as written (before the loader normalises it)
-- against the format rules of Nghị định 30/2020/NĐ-CP (nd30.md) and the conventions of the
-- body markup and the appendix tables.
--
-- The command (src/cli/kh_check.c) calls, in this order:
--   run(plan, ctx)            the plan table exactly as plan.lua returned it → a state
--   finish(state, message)    MESSAGE: what the loader's own checks refused, or nil → the report
-- or, when plan.lua could not even run:
--   fatal(ctx, message)       → the report, with that one finding
-- A report is { findings = { {file, line, level, rule, message[, path, key, args]}, … },
-- errors = N, warnings = M }, the findings sorted by file, then line. PATH is the field as the
-- plan writes it ("appendices[1].orientaion"); a finding of the plan schema (lua/schema.lua,
-- every field's type, presence and value) has KEY, the message's format, and ARGS, the values
-- put into it.
--
-- ctx: plan_file (the plan file's path), plan_text (its bytes), files (what read_text and
-- read_table opened: {kind, rel, file, line, raw, error}), template ({name, file, text, module}
-- or {name, error}).
local stt_numbers = require("stt")
local schema = require("schema")

local M = {}
local numbering = require("numbering")

-- ---------------------------------------------------------------------------------------------
-- text helpers (kh.nfc, kh.upper and kh.lower refuse text that is not UTF-8: then nil)

local function try(f, s)
  if type(s) ~= "string" then return nil end
  local ok, r = pcall(f, s)
  if ok then return r end
  return nil
end
local function nfc(s) return try(kh.nfc, s) end
local function upper(s) return try(kh.upper, s) end
local function lower(s) return try(kh.lower, s) end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- Lines of TEXT with their numbers (a final line without a newline counts; "\r" dropped).
local function lines(text)
  local out = {}
  local n = 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    out[n] = line:gsub("\r$", "")
  end
  if out[n] == "" and text:sub(-1) == "\n" then out[n] = nil end
  return out
end

local function quote(s)
  if #s > 60 then
    local cut = utf8.offset(s, 57) or 58
    s = s:sub(1, cut - 1) .. "…"
  end
  return '"' .. s .. '"'
end

local nearest = schema.nearest

-- ---------------------------------------------------------------------------------------------
-- where a field is written in plan.lua: a small scanner of Lua table constructors

local byte, find, match = string.byte, string.find, string.match
local B_NL, B_DASH, B_DQ, B_SQ, B_BS, B_LB = 10, 45, 34, 39, 92, 91
local TWO = { ["=="] = true, ["~="] = true, ["<="] = true, [">="] = true, [".."] = true, ["::"] = true }

-- Tokens of TEXT, each with its line: strings, names and numbers by kind, the rest by symbol.
-- Runs of space, names, comments and strings are skipped with find(), not a character at a time.
local function tokenize(text)
  local toks, i, line, n = {}, 1, 1, #text
  local function newlines(a, b)
    local _, count = text:sub(a, b):gsub("\n", "")
    line = line + count
  end
  while i <= n do
    local b = byte(text, i)
    if b == B_NL then
      line = line + 1
      i = i + 1
    elseif b == 32 or (b >= 9 and b <= 13) then
      i = (find(text, "[^ \t\r\v\f]", i) or n + 1)
    elseif b == B_DASH and byte(text, i + 1) == B_DASH then
      local eq = match(text, "^%[(=*)%[", i + 2)
      if eq then
        local _, e = find(text, "]" .. eq .. "]", i + 2, true)
        e = e or n
        newlines(i, e)
        i = e + 1
      else
        i = (find(text, "\n", i, true) or n + 1)
      end
    elseif b == B_DQ or b == B_SQ then
      local j, start = i + 1, line
      local stop = b == B_DQ and '[\\\n"]' or "[\\\n']"
      while true do
        j = find(text, stop, j)
        if not j then j = n + 1 break end
        if byte(text, j) == B_BS then j = j + 2 else break end
      end
      toks[#toks + 1] = { t = "string", line = start }
      newlines(i, math.min(j, n))
      if byte(text, j) == B_NL then line = line - 1 end   -- counted again as a newline
      i = j + 1
    elseif b == B_LB and match(text, "^%[=*%[", i) then
      local eq = match(text, "^%[(=*)%[", i)
      local _, e = find(text, "]" .. eq .. "]", i, true)
      e = e or n
      toks[#toks + 1] = { t = "string", line = line }
      newlines(i, e)
      i = e + 1
    else
      local word = match(text, "^[%a_][%w_]*", i)
      if word then
        toks[#toks + 1] = { t = "name", v = word, line = line }
        i = i + #word
      else
        local num = match(text, "^%d[%w%.]*", i)
        if num then
          toks[#toks + 1] = { t = "number", v = num, line = line }
          i = i + #num
        else
          local two = text:sub(i, i + 1)
          if TWO[two] then
            toks[#toks + 1] = { t = two, line = line }
            i = i + 2
          else
            toks[#toks + 1] = { t = text:sub(i, i), line = line }
            i = i + 1
          end
        end
      end
    end
  end
  return toks
end

local function node(line) return { line = line, fields = {}, items = {} } end

local function merge_into(dst, src)
  for k, v in pairs(src.fields) do dst.fields[k] = v end
  for k, v in ipairs(src.items) do dst.items[k] = v end
end

local parse_table

-- Skip one value (an expression) up to the ',' ';' or '}' that ends it; tables met on the way
-- (the value itself, or the options of read_table(…, {…})) lend their fields to NODE.
local function parse_value(toks, pos, target)
  local depth = 0
  while toks[pos] do
    local t = toks[pos].t
    if depth == 0 and (t == "," or t == ";" or t == "}") then return pos end
    if t == "{" then
      local sub
      sub, pos = parse_table(toks, pos)
      merge_into(target, sub)
    else
      if t == "(" or t == "[" then depth = depth + 1
      elseif t == ")" or t == "]" then depth = depth - 1 end
      pos = pos + 1
    end
  end
  return pos
end

function parse_table(toks, pos)
  local tbl = node(toks[pos].line)
  pos = pos + 1
  local n = 0
  while toks[pos] and toks[pos].t ~= "}" do
    local tok = toks[pos]
    if tok.t == "name" and toks[pos + 1] and toks[pos + 1].t == "=" then
      local child = node(tok.line)
      tbl.fields[tok.v] = child
      pos = parse_value(toks, pos + 2, child)
    elseif tok.t == "[" then
      local depth = 0
      repeat
        local t = toks[pos].t
        if t == "[" then depth = depth + 1 elseif t == "]" then depth = depth - 1 end
        pos = pos + 1
      until not toks[pos] or depth == 0
      if toks[pos] and toks[pos].t == "=" then pos = pos + 1 end
      pos = parse_value(toks, pos, node(tok.line))
    else
      n = n + 1
      local child = node(tok.line)
      tbl.items[n] = child
      pos = parse_value(toks, pos, child)
    end
    if toks[pos] and (toks[pos].t == "," or toks[pos].t == ";") then pos = pos + 1 end
  end
  return tbl, pos + 1
end

-- The code part of a line: what comes before a "--" that is not inside a string.
local function code_part(line)
  local quote_char
  local i = 1
  while i <= #line do
    local c = line:sub(i, i)
    if quote_char then
      if c == "\\" then i = i + 1 elseif c == quote_char then quote_char = nil end
    elseif c == '"' or c == "'" then
      quote_char = c
    elseif line:sub(i, i + 1) == "--" then
      return line:sub(1, i - 1)
    end
    i = i + 1
  end
  return line
end

local Map = {}
Map.__index = Map

local function source_map(text)
  local map = setmetatable({ lines = lines(text or "") }, Map)
  local ok, err = pcall(function()
    local toks = tokenize(text or "")
    local locals, first = {}, nil
    local pos = 1
    while toks[pos] do
      local tok = toks[pos]
      if tok.t == "{" then
        local tbl
        tbl, pos = parse_table(toks, pos)
        first = first or tbl
      elseif tok.t == "name" and tok.v == "local" and toks[pos + 1] and toks[pos + 1].t == "name"
             and toks[pos + 2] and toks[pos + 2].t == "=" and toks[pos + 3] and toks[pos + 3].t == "{" then
        local name = toks[pos + 1].v
        local tbl
        tbl, pos = parse_table(toks, pos + 3)
        locals[name] = tbl
        first = first or tbl
      elseif tok.t == "name" and tok.v == "return" then
        local nxt = toks[pos + 1]
        if nxt and nxt.t == "{" then
          map.root = parse_table(toks, pos + 1)
          return
        elseif nxt and nxt.t == "name" and locals[nxt.v] then
          map.root = locals[nxt.v]
          return
        end
        pos = pos + 1
      else
        pos = pos + 1
      end
    end
    map.root = map.root or first
  end)
  if not ok then map.root = nil; map.error = err end
  return map
end

-- The line of PATH (a list of keys: names and list indexes) and whether it was found exactly;
-- else the line of the deepest table found on the way.
function Map:find(path)
  local n = self.root
  if not n then return nil, false end
  local best = n.line
  for _, k in ipairs(path) do
    local child = type(k) == "number" and n.items[k] or n.fields[k]
    if not child then return best, false end
    n = child
    best = n.line
  end
  return best, true
end

-- The first line where NAME is given a value (when the constructor could not be read).
function Map:grep(name)
  if not name:match("^[%a_][%w_]*$") then return nil end
  for i, line in ipairs(self.lines) do
    local code = code_part(line)
    local s = code:find("%f[%w_]" .. name .. "%s*=")
    if s and code:sub(s):match("^[%w_]+%s*=[^=]") or (s and code:sub(s):match("^[%w_]+%s*=$")) then
      return i
    end
  end
  return nil
end

-- ---------------------------------------------------------------------------------------------
-- findings

local function path_name(doc, path)
  local parts = {}
  if doc and doc.index then parts[1] = "documents[" .. doc.index .. "]" end
  for _, k in ipairs(path) do
    if type(k) == "number" then
      parts[#parts] = (parts[#parts] or "") .. "[" .. k .. "]"
    else
      parts[#parts + 1] = k
    end
  end
  return table.concat(parts, ".")
end

-- A finding's message: its English sentence (the gettext msgid), translated, and its values as text.
local function msg(key, ...)
  local args = table.pack(...)
  local text = {}
  for i = 1, args.n do text[i] = tostring(args[i]) end
  return { key = key, args = text, message = string.format(kh._(key), ...) }
end

-- The same with a count: SINGULAR or PLURAL as N says.
local function msgn(singular, plural, n, ...)
  local key = n == 1 and singular or plural
  local args = table.pack(...)
  local text = {}
  for i = 1, args.n do text[i] = tostring(args[i]) end
  return { key = key, args = text, message = string.format(kh.ngettext(singular, plural, n), ...) }
end

-- A group row of a table with no rows under it: LABEL and TITLE quoted, or nil.
local function empty_group(label, title, next_is_group)
  if label and title then
    return next_is_group and msg("group %s (%s) has no rows: another group starts on the next row", label, title)
                         or msg("group %s (%s) has no rows: the table ends after it", label, title)
  elseif label then
    return next_is_group and msg("group %s has no rows: another group starts on the next row", label)
                         or msg("group %s has no rows: the table ends after it", label)
  elseif title then
    return next_is_group and msg("group row (%s) has no rows: another group starts on the next row", title)
                         or msg("group row (%s) has no rows: the table ends after it", title)
  end
  return next_is_group and msg("group row has no rows: another group starts on the next row")
                       or msg("group row has no rows: the table ends after it")
end

local Checker = {}
Checker.__index = Checker

function Checker:add(file, line, level, rule, message, key, args)
  if type(file) ~= "string" then file = self.plan_file end
  if type(message) == "table" then key, args, message = message.key, message.args, message.message end
  local f = { file = file, line = math.tointeger(line) or 0, level = level,
              rule = rule, message = message, key = key, args = args }
  f.seq = #self.findings + 1
  self.findings[#self.findings + 1] = f
  return f
end

function Checker:error(file, line, rule, message) return self:add(file, line, "error", rule, message) end
function Checker:warning(file, line, rule, message) return self:add(file, line, "warning", rule, message) end

-- Where the fields are written in plan.lua, scanned when a finding first needs a line (a plan
-- with nothing to say is never scanned).
function Checker:source()
  local map = self.map
  if not map then
    map = source_map(self.plan_text)
    self.map = map
  end
  return map
end

-- The line in plan.lua of PATH below document DOC (a bundle's document, else the plan).
function Checker:line_of(doc, path)
  local map = self:source()
  if doc and doc.index then
    local full = { "documents", doc.index }
    for _, k in ipairs(path) do full[#full + 1] = k end
    local line, exact = map:find(full)
    if exact then return line end
    local shared, shared_exact = map:find(path)
    if shared_exact then return shared end
    if line then return line end
  else
    local line, exact = map:find(path)
    if exact or line then return line end
  end
  for i = #path, 1, -1 do
    if type(path[i]) == "string" then
      local l = map:grep(path[i])
      if l then return l end
    end
  end
  return 1
end

-- Report at a field of the plan file.
function Checker:at(doc, path, level, rule, message)
  local f = self:add(self.plan_file, self:line_of(doc, path), level, rule, message)
  if #path > 0 or (doc and doc.index) then f.path = path_name(doc, path) end
  return f
end

-- A finding of the plan schema, at the line of its field.
function Checker:schema_finding(f)
  local found = self:add(self.plan_file, self:line_of(nil, f.path), f.severity, f.rule, f.message, f.key, f.args)
  found.path = schema.path_text(f.path)
  return found
end

-- ---------------------------------------------------------------------------------------------
-- what the decree and the loader know

local AUTHORITIES = { ["TM."] = true, ["KT."] = true, ["TL."] = true, ["TUQ."] = true, ["Q."] = true }

-- Tên loại and the abbreviation a ký hiệu starts with (nd30.md §5, PL III §I).
local TYPES = {
  ["NGHỊ QUYẾT"] = "NQ", ["QUYẾT ĐỊNH"] = "QĐ", ["CHỈ THỊ"] = "CT", ["QUY CHẾ"] = "QC",
  ["QUY ĐỊNH"] = "QyĐ", ["THÔNG CÁO"] = "TC", ["THÔNG BÁO"] = "TB", ["HƯỚNG DẪN"] = "HD",
  ["CHƯƠNG TRÌNH"] = "CTr", ["KẾ HOẠCH"] = "KH", ["PHƯƠNG ÁN"] = "PA", ["ĐỀ ÁN"] = "ĐA",
  ["DỰ ÁN"] = "DA", ["BÁO CÁO"] = "BC", ["BIÊN BẢN"] = "BB", ["TỜ TRÌNH"] = "TTr",
  ["HỢP ĐỒNG"] = "HĐ", ["CÔNG ĐIỆN"] = "CĐ", ["BẢN GHI NHỚ"] = "BGN", ["BẢN THỎA THUẬN"] = "BTT",
  ["BẢN THOẢ THUẬN"] = "BTT", ["GIẤY ỦY QUYỀN"] = "GUQ", ["GIẤY UỶ QUYỀN"] = "GUQ",
  ["GIẤY MỜI"] = "GM", ["GIẤY GIỚI THIỆU"] = "GGT", ["GIẤY NGHỈ PHÉP"] = "GNP",
  ["PHIẾU GỬI"] = "PG", ["PHIẾU CHUYỂN"] = "PC", ["PHIẾU BÁO"] = "PB",
}
local TYPE_OF = {}
for name, abbr in pairs(TYPES) do TYPE_OF[abbr] = TYPE_OF[abbr] or name end
local TYPE_NAMES = { "CÔNG VĂN" }
for name in pairs(TYPES) do TYPE_NAMES[#TYPE_NAMES + 1] = name end
table.sort(TYPE_NAMES)

local function days_in_month(y, m)
  local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then return 29 end
  return days[m]
end

local function is_list(t)
  if type(t) ~= "table" then return false end
  local n = #t
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 or k > n then return false end
  end
  return true
end

-- ---------------------------------------------------------------------------------------------
-- rules on the plan's fields

-- A draft (marked so, or without its number, or dated without the day) may leave the place and
-- the signer's name blank: they are filled in by hand when it is signed. The loader has the same rule.
local function is_draft(doc)
  local f = doc.fields
  local marks = f.marks
  if type(marks) == "table" and (marks.draft == true or (type(marks.draft) == "string" and trim(marks.draft) ~= "")) then
    return true
  end
  if f.number == nil and not doc.attached then return true end
  return type(f.date) == "string" and #f.date == 7
end

-- A blank the draft leaves for the signing: a warning, to fill before signing.
function Checker:to_fill(doc, where, what)
  self:at(doc, where, "warning", "to-fill",
          msg("%s is blank in this draft: fill it in before signing (the document shows the blank)", what))
end

-- A text field's NFC text, or nil when it is not text or blank (the schema reports that).
function Checker:text_field(doc, name)
  local v = doc.fields[name]
  if type(v) ~= "string" or trim(v) == "" then return nil end
  return nfc(v)
end

function Checker:check_number(doc)
  local v = doc.fields.number
  if v == nil then return end
  local where = { "number" }
  if math.type(v) == "integer" then
    if v < 1 or v > 999999 then
      self:at(doc, where, "error", "number",
              msg("number %d: expected a whole number from 1 (or nil in a draft)", v))
    end
  elseif type(v) == "string" then
    if v:match("^%d+$") and #v < 10 and tonumber(v) >= 1 and tonumber(v) <= 999999 then
      self:at(doc, where, "warning", "number",
              msg("number is written as text %s: write number = %d (the renderer writes it %s)",
                            quote(v), tonumber(v), string.format("%02d", tonumber(v))))
    elseif v:find("/") then
      self:at(doc, where, "error", "number",
              msg("number %s: expected the number alone (e.g. number = 12); the symbol goes in 'symbol'", quote(v)))
    else
      self:at(doc, where, "error", "number",
              msg("number %s: expected a whole number from 1 (or nil in a draft)", quote(v)))
    end
  end
end

function Checker:check_symbol(doc, type_name)
  local s = self:text_field(doc, "symbol")
  if not s then return end
  local where = { "symbol" }
  if s:find("/") or lower(s):match("^số") then
    self:at(doc, where, "error", "symbol-format",
            msg("symbol %s: expected the symbol alone, e.g. \"KH-SXD\" (the renderer writes \"Số:\" and the number)", quote(s)))
    return
  end
  if s:find("%s") then
    local fixed = s:gsub("%s*%-%s*", "-"):gsub("%s+", "")
    self:at(doc, where, "error", "symbol-format",
            msg("symbol %s has spaces: write %s (nd30 §5: groups joined by \"-\" without spaces)",
                          quote(s), quote(fixed)))
    return
  end
  local groups = {}
  for g in (s .. "-"):gmatch("(.-)%-") do groups[#groups + 1] = g end
  local empty = false
  for _, g in ipairs(groups) do empty = empty or g == "" end
  if #groups < 2 or empty then
    self:at(doc, where, "error", "symbol-format",
            msg("symbol %s: expected the type's abbreviation and the issuer's joined by \"-\", e.g. \"KH-SXD\"", quote(s)))
    return
  end
  for i = 2, #groups do
    if upper(groups[i]) ~= groups[i] then
      self:at(doc, where, "error", "symbol-format",
              msg("symbol %s: write it in capitals, %s (nd30 §5)", quote(s),
                            quote(groups[1] .. "-" .. upper(table.concat(groups, "-", 2)))))
      return
    end
  end
  local first = groups[1]
  if not type_name or type_name == "CÔNG VĂN" then
    if upper(first) ~= first and not TYPE_OF[first] then
      self:at(doc, where, "error", "symbol-format", msg("symbol %s: write it in capitals", quote(s)))
    end
    return
  end
  local expected = TYPES[type_name]
  if not expected then return end
  if first == expected then return end
  if upper(first) == upper(expected) then
    self:at(doc, where, "error", "symbol-format",
            msg("symbol %s: the abbreviation of %s is written %s", quote(s), type_name, quote(expected)))
  else
    local named = TYPE_OF[first] or TYPE_OF[upper(first)]
    self:at(doc, where, "error", "symbol-type",
            named and msg("symbol %s starts with %s (%s) but the document is a %s: expected %s",
                          quote(s), quote(first), named, type_name,
                          quote(expected .. "-" .. table.concat(groups, "-", 2)))
                  or msg("symbol %s starts with %s but the document is a %s: expected %s",
                          quote(s), quote(first), type_name,
                          quote(expected .. "-" .. table.concat(groups, "-", 2))))
  end
end

-- The date as {year, month, day} when it is valid.
function Checker:check_date(doc)
  local v = doc.fields.date
  local where = { "date" }
  if type(v) ~= "string" then return nil end   -- missing or not text: the schema says so
  local y, m, d = v:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then y, m = v:match("^(%d%d%d%d)%-(%d%d)$") end
  if not y then
    -- a date typed as the clerk writes it (15/06/2026, 15.06.2026, 15-6-2026) or 2026-6-15: the
    -- form to write when it is a real date, else what is wrong with it (no hint to a 31/02)
    local dd, mm, yy = v:match("^(%d%d?)[/%.%-](%d%d?)[/%.%-](%d%d%d%d)$")
    if not dd then yy, mm, dd = v:match("^(%d%d%d%d)%-(%d%d?)%-(%d%d?)$") end
    dd, mm, yy = tonumber(dd), tonumber(mm), tonumber(yy)
    if dd and (mm < 1 or mm > 12) then
      self:at(doc, where, "error", "date",
              msg("date %s: there is no month %d (expected 01 to 12)", quote(v), mm))
    elseif dd and (dd < 1 or dd > days_in_month(yy, mm)) then
      self:at(doc, where, "error", "date",
              msg("date %s is not a real date: %02d/%d has %d days", quote(v), mm, yy, days_in_month(yy, mm)))
    else
      self:at(doc, where, "error", "date",
              dd and msg("date %s: expected \"YYYY-MM-DD\", or \"YYYY-MM\" for a draft without the day (write %s)", quote(v),
                         quote(string.format("%d-%02d-%02d", yy, mm, dd)))
                 or msg("date %s: expected \"YYYY-MM-DD\", or \"YYYY-MM\" for a draft without the day", quote(v)))
    end
    return nil
  end
  y, m, d = tonumber(y), tonumber(m), d and tonumber(d)
  if y < 1900 then
    self:at(doc, where, "error", "date", msg("date %s: the year %d is not plausible", quote(v), y))
    return nil
  end
  if m < 1 or m > 12 then
    self:at(doc, where, "error", "date",
            msg("date %s: there is no month %d (expected 01 to 12)", quote(v), m))
    return nil
  end
  if d and (d < 1 or d > days_in_month(y, m)) then
    self:at(doc, where, "error", "date",
            msg("date %s is not a real date: %02d/%d has %d days", quote(v), m, y,
                          days_in_month(y, m)))
    return nil
  end
  return { year = y, month = m, day = d }
end

-- The signing year against the year the subject names ("năm 2026", "giai đoạn 2026-2030").
function Checker:check_date_year(doc, date, subject)
  if not date or not subject then return end
  local low = lower(subject) or subject
  local best, kind, a, b
  local s, _, y1, y2 = low:find("giai đoạn%s*(%d%d%d%d)%s*[%-–]+%s*(%d%d%d%d)")
  if not s then s, _, y1, y2 = low:find("giai đoạn%s*(%d%d%d%d)%s*–%s*(%d%d%d%d)") end
  if s then best, kind, a, b = s, "range", tonumber(y1), tonumber(y2) end
  local s2, _, y = low:find("năm%s+(%d%d%d%d)%f[%D]")
  if s2 and (not best or s2 < best) and not low:sub(s2):match("^năm%s+%d%d%d%d%s*[%-–]") then
    best, kind, a = s2, "year", tonumber(y)
  end
  if kind == "year" and date.year ~= a then
    self:at(doc, { "date" }, "warning", "date-year",
            msg("the date is in %d but the subject says \"năm %d\"", date.year, a))
  elseif kind == "range" and (date.year < a or date.year > b) then
    self:at(doc, { "date" }, "warning", "date-year",
            msg("the date is in %d, outside the subject's \"giai đoạn %d-%d\"", date.year, a, b))
  end
end

function Checker:check_recipients(doc)
  local v = doc.fields.recipients
  local where = { "recipients" }
  if not is_list(v) or #v == 0 then return end   -- missing or not a list: the schema says so
  for _, item in ipairs(v) do
    if type(item) ~= "string" then return end
  end
  local archive
  for i, item in ipairs(v) do
    -- a recipient typed as in Word ("- Sở Nội vụ;") is the plain item: the renderer drops the
    -- dash and the final mark and writes its own
    local t = trim(nfc(item) or item):gsub("^%-%s*", ""):gsub("^–%s*", ""):gsub("^—%s*", "")
    local low = lower(t) or t
    if low:match("^lưu[%s:]") or low == "lưu" then
      if archive then
        self:at(doc, { "recipients", i }, "warning", "recipients-luu",
                msg("a second archive line %s", quote(t)))
      end
      archive = archive or { index = i, text = t, low = low }
    end
  end
  if not archive then
    self:at(doc, where, "error", "recipients-luu",
            msg("no \"Lưu: VT, …\" line: the last recipient is the archive copy, e.g. \"Lưu: VT, VP\" (nd30 §10)"))
    return
  end
  local line = { "recipients", archive.index }
  if archive.index ~= #v then
    self:at(doc, line, "error", "recipients-luu",
            msg("%s must be the last recipient (nd30 §10), it is number %d of %d",
                          quote(archive.text), archive.index, #v))
  end
  if not archive.low:match("^lưu%s*:") then
    local rest = archive.text:gsub("^%S+%s*", "")
    self:at(doc, line, "warning", "recipients-luu",
            msg("%s: write %s with a colon (nd30 §10)", quote(archive.text), quote("Lưu: " .. rest)))
  end
  local list = archive.text:gsub("^[^:]*:%s*", ""):gsub("^%S+%s+", function(w)
    return (lower(w) or w):match("^lưu") and "" or w end)
  local units = {}
  for u in (list .. ","):gmatch("%s*([^,]-)%s*,") do units[#units + 1] = u end
  local vt
  for i, u in ipairs(units) do
    if u:match("^VT%f[%W]") or u == "VT" then vt = vt or i end
  end
  if not vt then
    self:at(doc, line, "warning", "recipients-luu",
            msg("%s: the archive line names the văn thư first: \"Lưu: VT, …\" (nd30 §10)", quote(archive.text)))
  elseif vt ~= 1 then
    self:at(doc, line, "warning", "recipients-luu",
            msg("%s: VT (văn thư) comes first: \"Lưu: VT, …\" (nd30 §10)", quote(archive.text)))
  end
end

function Checker:check_signer(doc, agency)
  -- what the signer holds and needs is the schema's; here: how it signs
  local v = doc.fields.signer
  if type(v) ~= "table" then return end
  for _, k in ipairs({ "authority", "head", "title", "name" }) do
    if v[k] ~= nil and type(v[k]) ~= "string" then return end
  end
  local authority = v.authority
  if (v.name == nil or trim(v.name) == "") and is_draft(doc) then
    self:to_fill(doc, { "signer" }, kh._("signer.name (the signer's full name)"))
  end
  if authority ~= nil and not AUTHORITIES[authority] then return end
  local title = upper(trim(nfc(v.title or "") or ""))
  if authority == "KT." and title ~= "" and not title:match("^PHÓ") then
    self:at(doc, { "signer", "title" }, "error", "signer-authority",
            msg("KT. (ký thay) is signed by a deputy: the title should start with \"PHÓ\" (e.g. \"PHÓ GIÁM ĐỐC\"), got %s", quote(title)))
  elseif authority == nil and title:match("^PHÓ") then
    self:at(doc, { "signer", "title" }, "warning", "signer-authority",
            msg("a deputy (%s) signs for the head: authority = \"KT.\" and head = the head's title (nd30 §9)", quote(title)))
  elseif authority == "TM." and agency and (upper(agency) or ""):match("^SỞ") then
    self:at(doc, { "signer", "authority" }, "warning", "signer-authority",
            msg("a Sở works under the head's authority (chế độ thủ trưởng): no \"TM.\"; the head signs, or a deputy signs \"KT.\" (nd30 §9)"))
  end
end

-- Strings of the plan that hold the motto with an en dash; double spaces in short fields.
function Checker:scan_strings(doc, tbl, path, seen)
  seen = seen or {}
  if seen[tbl] then return end
  seen[tbl] = true
  for k, v in pairs(tbl) do
    if (type(k) == "string" and k ~= "rows" and k ~= "documents" and k ~= "text") or math.type(k) == "integer" then
      local p = {}
      for _, x in ipairs(path) do p[#p + 1] = x end
      p[#p + 1] = k
      if type(v) == "string" then
        local s = nfc(v) or v
        if s:find("Độc lập%s*[–—]") or s:find("Độc lập%s*—") or s:find("Tự do%s*[–—]")
           or s:find("Độc lập%s*–") or s:find("Tự do%s*–") or s:find("Tự do%s*—") then
          self:at(doc, p, "error", "en-dash",
                  msg("%s: the motto is written with hyphens, \"Độc lập - Tự do - Hạnh phúc\" (nd30 §3), not an en dash \"–\"",
                                path_name(doc, p)))
        end
        if k ~= "body" and not s:find("\n") and trim(s):find("  ", 1, true) then
          self:at(doc, p, "warning", "double-space",
                  msg("%s has a double space: %s", path_name(doc, p), quote(trim(s))))
        end
      elseif type(v) == "table" and getmetatable(v) == nil then
        self:scan_strings(doc, v, p, seen)
      end
    end
  end
end

-- ---------------------------------------------------------------------------------------------
-- the body

local function runs_text(block)
  local parts = {}
  for _, r in ipairs(block.runs or {}) do parts[#parts + 1] = r.text end
  return table.concat(parts)
end

-- How `check --fix` mends finding F: line LINE (as read) of a body file becomes TO. Only in a
-- file of its own (BASE 0), where a line of the body is a line of the file.
function Checker:fixable(f, base, line, to)
  if base == 0 and line and f.file ~= self.plan_file then
    f.fix = { from = line, to = to }
  end
end

-- A heading pasted from a Word file as plain text: "II. TỔ CHỨC THỰC HIỆN" (a Roman number, then
-- capitals) as a paragraph, or "2. Nhiệm vụ cụ thể" as a short "1." item with no closing mark
-- followed by text of another kind. It is numbered as text, not as a heading, so the numbers
-- under it run on from the section above: the finding gives the markup that fixes it.
function Checker:typed_heading(file, base, b, after, line)
  local t = trim(runs_text(b))
  local roman, rest = t:match("^([IVXLCDM]+)%.%s+(.+)$")
  if b.kind == "para" and roman and not rest:find("[.;:,]$") and upper(rest) == rest
     and not rest:find("\n") then
    self:fixable(self:warning(file, b.line + base, "typed-heading",
                 msg("%s looks like a heading typed with its number: write %s, so the numbers under it start again",
                               quote(t), quote("# " .. rest))), base, line, "# " .. rest)
  elseif b.kind == "item" and b.mark == "number" and not t:find("[.;:,]$") and not t:find("\n")
         and select(2, t:gsub("%S+", "")) <= 8 and after and not (after.kind == "item" and after.mark == "number") then
    self:fixable(self:warning(file, b.line + base, "typed-heading",
                 msg("the numbered line %s looks like a level-2 heading: write %s, so the numbers under it start again",
                               quote(t), quote("## " .. t))), base, line, "## " .. t)
  end
end

-- Returns the lowered text of the body (for the appendix references) and the line of its first
-- "phụ lục".
function Checker:check_body(doc)
  local body = doc.fields.body
  local text, file, base
  if type(body) == "table" and type(body.text) == "string" then
    if body.failed then return nil end
    text, file, base = body.text, body.file or self.plan_file, 0
  elseif type(body) == "string" then
    local at = self:line_of(doc, { "body" })
    text, file, base = nfc(body), self.plan_file, at - 1
    if not text then return nil end
    -- body = [[ at the end of a line: Lua drops the line break that follows the bracket
    if code_part(self:source().lines[at] or ""):match("%[=*%[%s*$") then base = base + 1 end
  else
    return nil   -- missing or of the wrong type: the schema says so
  end
  local ok, blocks = pcall(kh.markup, text, file)
  if not ok then
    -- A body the markup refuses is that one finding (its lines are not looked at one by one:
    -- a body refused for its size would not fit in memory twice).
    -- a budget spent is not a finding about the body: the render, under the same budget, tells
    local f, l, col, msg, _, rule = kh.error_place(tostring(blocks))
    if rule == "budget" then error(blocks, 0) end
    self:error(file, (l or 1) + base, "markup", msg or tostring(blocks)).column = base == 0 and col or nil
    local low = lower(text)
    local at = low and low:find("phụ lục", 1, true)
    return { file = file, first_ref = at and base + 1 + select(2, text:sub(1, at):gsub("\n", "")) or nil }
  end
  local ls = lines(text)
  -- the numbers the template gives, as render computes them, to compare with any typed before
  -- a heading (pasted from a Word file): the same is no finding, another is a warning
  local numberer
  local m = self.template_module
  if type(m) == "table" and type(m.numberer) == "function" and type(m.settings) == "table" then
    local ok, n = pcall(m.numberer, { settings = m.settings, template = m, plan = doc.fields })
    if ok and type(n) == "table" then numberer = n end
  end
  for i, b in ipairs(blocks) do
    local number
    if numberer and (b.kind == "heading" or b.kind == "item") then
      local ok, r = pcall(b.kind == "heading" and numberer.heading or numberer.item,
                          b.kind == "heading" and b.level or b.mark)
      number = ok and r or nil
    end
    if b.kind ~= "heading" then
      self:typed_heading(file, base, b, blocks[i + 1], ls[b.line])
    end
    if b.kind == "heading" then
      local t = runs_text(b)
      local typed, rest = numbering.typed(t)
      if typed and not (number and numbering.same(typed, number)) then
        local marks = string.rep("#", b.level)
        self:fixable(self:warning(file, b.line + base, "heading-number",
                     msg("heading %s starts with a typed number %s, but it is number %s: the renderer prints %s and leaves the typed one out; write %s",
                                   quote(marks .. " " .. t), quote(typed), quote(trim(number or "?")),
                                   quote(trim(number or "?")), quote(marks .. " " .. trim(rest)))),
                     base, ls[b.line], marks .. " " .. trim(rest))
      end
    end
  end
  local first_ref
  for i, line in ipairs(ls) do
    local n = i + base
    if line:match("^%s*–%s") or line:match("^%s*—%s") then
      self:warning(file, n, "en-dash",
                   msg("an en dash \"–\" starts the line: write \"- \" for a dash item (the markup reads only the hyphen; this line is plain text, joined to the paragraph above it when no blank line separates them)"))
    end
    local inner = trim(line)
    if inner:find("  ", 1, true) then
      self:warning(file, n, "double-space", msg("a double space inside the line"))
    end
    if not first_ref then
      local low = lower(line)
      if low and low:find("phụ lục", 1, true) then first_ref = n end
    end
  end
  for i = #ls, 1, -1 do
    local t = trim(ls[i])
    if t ~= "" then
      if t:sub(-3) == "./." then
        self:error(file, i + base, "closing",
                   msg("the body ends with \"./.\": leave it out, the renderer adds \"./.\" after the last word"))
      end
      break
    end
  end
  return { file = file, first_ref = first_ref }
end

-- ---------------------------------------------------------------------------------------------
-- appendices and their tables

function Checker:check_table(doc, spec, path)
  -- the options' names and types are the schema's; here: the rows against them
  if type(spec) ~= "table" or spec.failed then return end
  local rows = spec.rows
  if not is_list(rows) then return end
  local file = spec.file or self.plan_file
  local function row_line(r)
    local row = rows[r]
    if spec.file and type(row) == "table" and row.line then return row.line end
    return self:line_of(doc, path)
  end
  local ncols = 0
  for _, row in ipairs(rows) do
    if type(row) == "table" then ncols = math.max(ncols, #row) end
  end
  if type(spec.columns) == "table" then
    if #spec.columns > 0 and #spec.columns ~= ncols then
      local p = { table.unpack(path) }
      p[#p + 1] = "columns"
      self:at(doc, p, "error", "table-columns",
              msg("columns lists %d columns, the rows of %s have %d", #spec.columns,
                            spec.file and spec.file:match("[^/]*$") or kh._("the table"), ncols))
    end
  end
  if type(spec.stt) == "table" then
    local p = { table.unpack(path) }
    p[#p + 1] = "stt"
    local c = spec.stt.column
    if math.type(c) == "integer" and (c < 1 or c > ncols) then
      p[#p + 1] = "column"
      self:at(doc, p, "error", "table-columns",
              msg("stt.column %s: expected a column from 1 to %d", tostring(c), ncols))
    end
  end
  local header_rows = math.type(spec.header_rows) == "integer" and spec.header_rows or 1
  -- typed STT numbers that are not the automatic ones: the layout keeps them and warns the same
  local stt = type(spec.stt) == "table" and spec.stt or {}
  local stt_col = stt.column
  if stt_col == nil or (math.type(stt_col) == "integer" and stt_col >= 1 and stt_col <= ncols) then
    local ok, _, disagree = pcall(stt_numbers.number, { rows = rows, header_rows = header_rows, stt = stt })
    if ok then
      for _, d in ipairs(disagree) do
        self:warning(file, row_line(d.row), "table-stt", stt_numbers.message(d))
      end
    end
  end
  local function group_level(r)
    local row = rows[r]
    if r <= header_rows or type(row) ~= "table" then return nil end
    local first = row[1]
    local marks = type(first) == "string" and first:match("^(#+)")
    return marks and #marks or nil
  end
  for r, row in ipairs(rows) do
    if type(row) == "table" then
      for c = 1, #row do
        local cell = row[c]
        if cell == "<" and c == 1 then
          self:error(file, row_line(r), "table-merge",
                     msg("column 1: '<' has no cell on its left to merge with"))
        elseif cell == "^" and r == 1 then
          self:error(file, row_line(r), "table-merge", msg("column %d: '^' has no cell above to merge with", c))
        end
      end
      for c = 1, #row do
        local cell = row[c]
        if type(cell) == "string" then
          local found = false
          for part in (cell .. "\n"):gmatch("([^\n]*)\n") do
            if trim(part):find("  ", 1, true) then found = true end
          end
          if found then
            self:warning(file, row_line(r), "double-space",
                         msg("column %d has a double space", c))
            break
          end
        end
      end
      local level = group_level(r)
      if level then
        local nxt = rows[r + 1]
        local next_level = nxt and group_level(r + 1)
        if not nxt or (next_level and next_level <= level) then
          local label = row[1]:sub(level + 1)
          local title = type(row[2]) == "string" and row[2] or ""
          self:warning(file, row_line(r), "table-empty-group",
                       empty_group(label ~= "" and quote(label) or nil, title ~= "" and quote(title) or nil, nxt))
        end
      end
    end
  end
end

function Checker:check_appendices(doc)
  local v = doc.fields.appendices
  if v == nil then return {} end
  if not is_list(v) then return {} end   -- the schema says so
  for i, a in ipairs(v) do
    if type(a) == "table" then
      if a.table ~= nil then self:check_table(doc, a.table, { "appendices", i, "table" }) end
      if type(a.tables) == "table" then
        for j, t in ipairs(a.tables) do self:check_table(doc, t, { "appendices", i, "tables", j }) end
      end
    end
  end
  return v
end

-- ---------------------------------------------------------------------------------------------
-- one document

function Checker:check_document(doc, docs)
  local f = doc.fields
  local type_name = self:text_field(doc, "type")
  type_name = type_name and upper(trim(type_name))
  if type_name and not TYPES[type_name] and type_name ~= "CÔNG VĂN" then
    local guess = nearest(type_name, TYPE_NAMES)
    self:at(doc, { "type" }, "warning", "doc-type",
            guess and msg("type %s is not a tên loại of the decree (nd30 §5): did you mean %s?", quote(type_name), quote(guess))
                  or msg("type %s is not a tên loại of the decree (nd30 §5)", quote(type_name)))
    type_name = nil
  end
  doc.type_name = type_name
  local agency = self:text_field(doc, "agency")
  local place = doc.fields.place
  if is_draft(doc) and (place == nil or (type(place) == "string" and trim(place) == "")) then
    self:to_fill(doc, place == nil and {} or { "place" }, kh._("the place name (địa danh)"))
  end
  local subject = self:text_field(doc, "subject")
  if type_name == "QUYẾT ĐỊNH" then
    if f.bases == nil then
      self:at(doc, {}, "warning", "required",
              msg("'%s' is missing: a QUYẾT ĐỊNH states its bases (\"Căn cứ …\") (nd30 §8b)",
                            path_name(doc, { "bases" })))
    end
  end
  self:check_number(doc)
  self:check_symbol(doc, type_name)
  local date = self:check_date(doc)
  self:check_date_year(doc, date, subject)
  self:check_recipients(doc)
  self:check_signer(doc, agency)
  local appendices = self:check_appendices(doc)
  local body = self:check_body(doc)
  self:scan_strings(doc, doc.index and doc.own or f, {})
  -- references between the body and the appendices (nd30 §12: the text names its appendices)
  if body then
    local related = #appendices > 0
    for _, other in ipairs(docs) do
      if type(other.fields.appendices) == "table" and #other.fields.appendices > 0
         and ((doc.index and other.fields.attached_to == doc.index)
              or (f.attached_to and other.index == f.attached_to)) then
        related = true
      end
    end
    if body.first_ref and not related then
      self:warning(body.file, body.first_ref, "appendix-ref",
                   msg("the body names a \"Phụ lục\" but the plan has no appendices"))
    elseif #appendices > 0 and not body.first_ref then
      self:at(doc, { "appendices" }, "error", "appendix-unref",
              msgn("the appendix is never named in the body: the text must mention its appendices (nd30 §12), e.g. \"(Có Phụ lục kèm theo)\"",
                   "the %d appendices are never named in the body: the text must mention its appendices (nd30 §12), e.g. \"(Có Phụ lục kèm theo)\"",
                   #appendices, #appendices))
    end
  end
end

-- ---------------------------------------------------------------------------------------------
-- the files as typed, and the template

function Checker:check_files(ctx)
  local files = { { file = self.plan_file, raw = ctx.plan_text } }
  for _, f in ipairs(ctx.files or {}) do
    local file, line, msg, col = f.error_file, f.error_line, f.error_text, f.error_column
    if line == 0 then line = nil end
    if col == 0 then col = nil end
    if f.error and f.error_rule == "unknown-field" then
      -- the plan schema reports it at the option's own line, when the table is in the plan
      self.unknown_options[#self.unknown_options + 1] = { file = file or self.plan_file, line = line or f.line,
                                                          message = msg or f.error, name = f.error_field or "" }
    elseif f.error then
      if file and line then
        local rule = (f.error_rule ~= "" and f.error_rule) or (f.kind == "table" and "table-syntax") or "file"
        self:error(file, line, rule, msg).column = col
      else
        self:error(self.plan_file, f.line, "file", file == self.plan_file and msg or f.error)
      end
    elseif f.raw and f.file then
      files[#files + 1] = f
    end
  end
  local seen = {}
  for _, f in ipairs(files) do
    if f.raw and not seen[f.file] then
      seen[f.file] = true
      local raw = f.raw
      local first, count = nil, 0
      -- line by line only when the file as a whole is not NFC: most files are, and a file of a
      -- million lines is then read once, not a million times
      for i, line in ipairs(nfc(raw) == raw and {} or lines(raw)) do
        local n = nfc(line)
        if n and n ~= line then
          count = count + 1
          first = first or i
        end
      end
      if first then
        self:warning(f.file, first, "nfc",
                     count == 1 and msg("this line is not in Unicode NFC (letters and their tone marks typed as separate characters, as some editors and PDF copies save them): the renderer normalises the text, but searches and other tools may miss these words; save the file as NFC")
                     or msgn("this and %d more line are not in Unicode NFC (letters and their tone marks typed as separate characters, as some editors and PDF copies save them): the renderer normalises the text, but searches and other tools may miss these words; save the file as NFC",
                             "this and %d more lines are not in Unicode NFC (letters and their tone marks typed as separate characters, as some editors and PDF copies save them): the renderer normalises the text, but searches and other tools may miss these words; save the file as NFC",
                             count - 1, count - 1))
      end
    end
  end
end

function Checker:check_template(ctx)
  local t = ctx.template
  if not t then return end
  if t.error then
    -- at the template's own line when it names one, else at the plan's `template` field
    if t.error_line then
      self:error(t.error_file, t.error_line, "template", t.error_text).column = t.error_column
    else
      self:error(self.plan_file, self:line_of(nil, { "template" }), "template",
                 t.error_file == self.plan_file and t.error_text or t.error)
    end
    return
  end
  local m = t.module
  local slogan = type(m) == "table" and type(m.settings) == "table" and type(m.settings.header) == "table"
                 and m.settings.header.slogan
  if type(slogan) == "string" and (slogan:find("–", 1, true) or slogan:find("—", 1, true)) then
    local line = 1
    for i, l in ipairs(lines(t.text or "")) do
      if l:find(slogan, 1, true) or (l:find("Độc lập", 1, true) and (l:find("–", 1, true) or l:find("—", 1, true))) then
        line = i
        break
      end
      if l:find("slogan", 1, true) then line = i end
    end
    self:error(t.file or self.plan_file, line, "en-dash",
               msg("template '%s': header.slogan %s: the motto is written with hyphens, \"Độc lập - Tự do - Hạnh phúc\" (nd30 §3), not an en dash \"–\"",
                             t.name or "?", quote(slogan)))
  end
end

-- ---------------------------------------------------------------------------------------------
-- entry points

local function new_checker(ctx)
  local t = ctx.template
  return setmetatable({ findings = {}, unknown_options = {}, plan_file = ctx.plan_file, plan_text = ctx.plan_text,
                        template_module = type(t) == "table" and t.module or nil }, Checker)
end

function M.run(plan, ctx)
  local c = new_checker(ctx)
  c:check_files(ctx)
  -- every field's type, presence and value, at every depth, and the fields nobody reads
  schema.validate(plan, function(f) c:schema_finding(f) end, { nfc = nfc, lenient = true })
  for _, u in ipairs(c.unknown_options) do
    local name = u.name
    local reported = false
    for _, f in ipairs(c.findings) do
      reported = reported or (f.rule == "unknown-field" and f.path ~= nil and f.path:sub(-#name - 1) == "." .. name)
    end
    if not reported then c:error(u.file, u.line, "unknown-field", u.message) end
  end
  local docs = {}
  if plan.documents ~= nil then
    if is_list(plan.documents) then
      for i, d in ipairs(plan.documents) do
        if type(d) == "table" then
          local merged = {}
          for k, v in pairs(plan) do if k ~= "documents" then merged[k] = v end end
          for k, v in pairs(d) do merged[k] = v end
          local doc = { fields = merged, own = d, index = i }
          local to = merged.attached_to
          if math.type(to) == "integer" then
            if to < 1 or to >= i then
              c:at(doc, { "attached_to" }, "error", "field-type",
                   msg("documents[%d].attached_to: expected the number of an earlier document (1 to %d)", i, i - 1))
            else
              doc.attached = true
            end
          end
          docs[#docs + 1] = doc
        end
      end
    end
  else
    docs[1] = { fields = plan, own = plan }
  end
  for _, doc in ipairs(docs) do c:check_document(doc, docs) end
  if plan.documents ~= nil then
    -- shared fields are scanned once, at their own line
    local shared = {}
    for k, v in pairs(plan) do if k ~= "documents" then shared[k] = v end end
    c:scan_strings(nil, shared, {})
  end
  c:check_template(ctx)
  return c
end

local function report(c)
  local list = c.findings
  -- the same finding twice (a shared field seen from each document) is reported once
  local seen, out = {}, {}
  for _, f in ipairs(list) do
    local key = table.concat({ f.file, f.line, f.level, f.rule, f.message }, "\0")
    if not seen[key] then
      seen[key] = true
      out[#out + 1] = f
    end
  end
  table.sort(out, function(a, b)
    if a.file ~= b.file then return a.file < b.file end
    if a.line ~= b.line then return a.line < b.line end
    return a.seq < b.seq
  end)
  local errors, warnings = 0, 0
  for _, f in ipairs(out) do
    f.seq = nil
    if f.level == "error" then errors = errors + 1 else warnings = warnings + 1 end
  end
  return { findings = out, errors = errors, warnings = warnings }
end

-- "plan.lua: documents[2].signer.title: expected …" → { "documents", 2, "signer", "title" }
local function field_path(s)
  local path = {}
  for part in (s .. "."):gmatch("([^%.]*)%.") do
    local name, rest = part:match("^([%w_]*)(.*)$")
    if name ~= "" then path[#path + 1] = name end
    for idx in rest:gmatch("%[(%d+)%]") do path[#path + 1] = tonumber(idx) end
  end
  return path
end

-- The loader's refusal (REFUSAL: { message, file, line, column, text, field, rule }, its place
-- as the C side gave it) as a finding: at its line, or at the line of the field it names.
local function refusal_place(c, refusal)
  local file, line, col, msg = refusal.file, refusal.line, refusal.column, refusal.text
  if file == "" then file, msg = c.plan_file, refusal.message end
  if line == 0 then
    line = 1
    if refusal.field ~= "" then
      local path, doc = field_path(refusal.field), nil
      if path[1] == "documents" and math.type(path[2]) == "integer" then
        doc = { index = path[2] }
        table.remove(path, 1)
        table.remove(path, 1)
      end
      line = c:line_of(doc, path)
    end
  end
  return file, line, msg, col ~= 0 and col or nil
end

function M.finish(c, refusal)
  if refusal then
    -- The loader checks what the rules check (one plan schema): when a rule found an error, the
    -- loader's refusal is that error again.
    local known = false
    for _, f in ipairs(c.findings) do
      if f.level == "error" then known = true end
    end
    if not known then
      local file, line, msg, col = refusal_place(c, refusal)
      c:error(file, line, "load", msg).column = col
    end
  end
  return report(c)
end

function M.fatal(ctx, refusal)
  local c = new_checker(ctx)
  local file, line, col, msg = refusal.file, refusal.line, refusal.column, refusal.text
  if file == "" then file, line, msg = ctx.plan_file, 0, refusal.message end
  c:error(file, line, "load", msg).column = col ~= 0 and col or nil
  return report(c)
end

return M
