-- schema — every field a plan may hold, at every depth, described once: its type, when it is
-- required, the values it allows, and the rule a problem with it is reported under. The loader
-- (src/lua/kh_plan.c) refuses a plan on the first error validate() finds, read_table
-- (src/lua/kh_csv_lua.c) refuses an option it does not know, and `kehoach check` (check.lua)
-- reports every finding at its line in plan.lua.
--
-- A field: { name, type, required, values, nonempty, of, kind, what, rule }
--   type      "text", "integer", "number", "boolean", "table" (any table), "list" (items: of,
--             another field description without a name), "record" (a table of kind KIND), or a
--             list of these (any one will do)
--   required  true, or function(ctx) → whether it is required here; ctx holds draft, attached,
--             the document's fields and the record holding the field. Text of spaces only is
--             missing too, unless blank_ok.
--   values    the text values allowed (compared in NFC)
--   what      how a message names what is expected
--   rule      the rule id of a wrong value (default "field-type")
--
-- validate(plan, report, opts) calls report{ rule, severity, path, key, args, message } for
-- each problem: path a list of keys ({ "appendices", 1, "orientaion" }), key the message format
-- (a whole English sentence with %s), args the values put into it, message the two joined.
local M = {}

-- N_ marks a text for translation where it is written; T translates it where it is shown
-- (kh is absent when the schema is loaded outside kehoach).
local function N_(s) return s end
local function T(s) return (kh and kh._) and kh._(s) or s end

-- ---------------------------------------------------------------------------------------------
-- "did you mean"

-- Edit distance (bytes; field names are ASCII).
function M.distance(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- The candidate closest to NAME, when it is close enough to be the one meant.
function M.nearest(name, candidates)
  if #name > 64 then return nil end   -- no field name is that long: nothing is near
  local best, best_d
  for _, c in ipairs(candidates) do
    local d = M.distance(name:lower(), c:lower())
    if not best_d or d < best_d then best, best_d = c, d end
  end
  if best_d and best_d <= math.max(2, #name // 3) and best_d < #name then return best end
  return nil
end

-- ---------------------------------------------------------------------------------------------
-- the plan's fields

local function is_blank(s) return type(s) == "string" and not s:find("%S") end

-- A draft (marked so, or without its number, or dated without the day) may leave the place and
-- the signer's name blank: they are filled in by hand when it is signed.
function M.is_draft(fields, attached)
  local marks = rawget(fields, "marks")
  if type(marks) == "table" then
    local d = rawget(marks, "draft")
    if d == true or (type(d) == "string" and not is_blank(d)) then return true end
  end
  if rawget(fields, "number") == nil and not attached then return true end
  local date = rawget(fields, "date")
  return type(date) == "string" and #date == 7   -- "YYYY-MM"
end

local function unless_attached(ctx) return not ctx.attached end
local function signer_authority(ctx) return rawget(ctx.record, "authority") end

local TEXT_SOURCE = {
  { name = "file", type = "text" },
  { name = "text", type = "text", required = true, blank_ok = true },   -- an empty body file loads
}

local SIGNER = {
  { name = "authority", type = "text", values = { "TM.", "KT.", "TL.", "TUQ.", "Q." }, rule = "signer-authority" },
  { name = "head", type = "text", what = N_("text (the head's title after the authority, e.g. \"GIÁM ĐỐC\")"),
    required = function(ctx) return signer_authority(ctx) ~= nil end },
  { name = "title", type = "text", what = N_("text (the signer's title, e.g. \"GIÁM ĐỐC\")"),
    required = function(ctx) return signer_authority(ctx) ~= "Q." end },   -- "Q. GIÁM ĐỐC" has no second title
  { name = "name", type = "text", what = N_("text (the signer's full name; a draft may leave it blank)"),
    required = function(ctx) return not ctx.draft end },
}

local MARKS = {
  { name = "draft", type = { "boolean", "text" }, what = N_("true or a text such as \"DỰ THẢO LẦN 2\"") },
  { name = "urgency", type = "text", values = { "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" } },
  { name = "secrecy", type = "text", values = { "MẬT", "TỐI MẬT", "TUYỆT MẬT" } },
  { name = "circulation", type = "text", values = { "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" } },
}

local COLUMN = {
  { name = "width", type = "number", what = N_("a number (the column's share of the width, e.g. 20)") },
  { name = "mm", type = "number", what = N_("a number (the column's width in millimetres)") },
  { name = "align", type = "text", values = { "left", "center", "right", "justify" } },
}

local STT = {
  { name = "column", type = "integer", what = N_("a whole number (the STT column, e.g. 1)") },
  { name = "format", type = "text", values = { "n", "group.n", "roman", "letter", "upper-letter" } },
  { name = "restart", type = "boolean" },
}

-- An appendix's table: the options given to read_table, and the file and rows it adds.
local TABLE = {
  { name = "file", type = "text" },
  { name = "rows", type = "list", required = true, of = { type = "table", what = N_("a row (a list of cells)") },
    what = N_("a list of rows, e.g. read_table(\"phu-luc.csv\", {…})") },
  { name = "header_rows", type = "integer", what = N_("a whole number (the header rows, e.g. 1)") },
  { name = "columns", type = "list", of = { type = "record", kind = "column" } },
  { name = "stt", type = "record", kind = "stt" },
  { name = "separator", type = "text", values = { ",", ";", "\t" } },
}

local APPENDIX = {
  { name = "title", type = "text", required = true, what = N_("text (the appendix title)") },
  { name = "subtitle", type = "text" },
  { name = "orientation", type = "text", values = { "portrait", "landscape" } },
  { name = "table", type = "record", kind = "table", what = N_("a table, e.g. read_table(\"phu-luc.csv\", {…})") },
  { name = "tables", type = "list", of = { type = "record", kind = "table" } },
}

-- One document's own fields (the plan itself, or one of a bundle's documents).
local DOCUMENT = {
  { name = "template", type = "text", what = N_("a template name or file") },
  { name = "parent_agency", type = "text", what = N_("text (cơ quan chủ quản, e.g. \"UBND TỈNH ĐẮK LẮK\")") },
  { name = "agency", type = "text", required = true, what = N_("text (cơ quan ban hành, e.g. \"SỞ XÂY DỰNG\")") },
  { name = "agency_name", type = "text", what = N_("text (the agency as named in running text, e.g. \"Sở Xây dựng\")") },
  { name = "type", type = "text", required = true, what = N_("text (tên loại, e.g. \"KẾ HOẠCH\")") },
  -- a whole number, or its digits as text: the number rule says more
  { name = "number", type = { "integer", "text" }, what = N_("a whole number from 1 (or nil in a draft)") },
  { name = "symbol", type = "text", required = unless_attached, what = N_("text (ký hiệu, e.g. \"KH-SXD\")") },
  { name = "place", type = "text", required = function(ctx) return not ctx.draft end,
    what = N_("text (địa danh, e.g. \"Đắk Lắk\"; a draft may leave it blank)") },
  -- its format is the date rule's
  { name = "date", type = "text", required = unless_attached,
    what = N_("a date \"YYYY-MM-DD\" (or \"YYYY-MM\" in a draft)") },
  { name = "subject", type = "text", required = true, what = N_("text (trích yếu)") },
  { name = "body", type = { "text", "record" }, kind = "text_source", required = true,
    what = N_("the body text, e.g. read_text(\"body.txt\")") },
  { name = "recipients", type = "list", nonempty = true, required = unless_attached, of = { type = "text" },
    what = N_("a list of text lines (nơi nhận), e.g. { \"Sở Nội vụ\", \"Lưu: VT, VP\" }") },
  { name = "signer", type = "record", kind = "signer", required = unless_attached,
    what = N_("a table {authority, head, title, name}") },
  { name = "appendices", type = "list", of = { type = "record", kind = "appendix" },
    what = N_("a list of appendices {title, orientation, table}") },
  { name = "marks", type = "record", kind = "marks", what = N_("a table {draft, urgency, secrecy, circulation}") },
  { name = "authority", type = "text",
    required = function(ctx) return rawget(ctx.fields, "type") == "QUYẾT ĐỊNH" end,
    what = N_("text (thẩm quyền ban hành, e.g. \"GIÁM ĐỐC SỞ XÂY DỰNG\"; a QUYẾT ĐỊNH needs it)") },
  { name = "bases", type = "list", nonempty = true, of = { type = "text" }, what = N_("a list of text lines (\"Căn cứ …\")") },
  -- a document issued with an earlier one of the bundle (Mẫu 1.3): its range is checked with the bundle
  { name = "attached_to", type = "integer", what = N_("the number of an earlier document") },
}

local DOCUMENTS = { name = "documents", type = "list", nonempty = true, of = { type = "record", kind = "document" },
                   what = N_("a list of documents") }
local PLAN = {}
for _, f in ipairs(DOCUMENT) do PLAN[#PLAN + 1] = f end
PLAN[#PLAN + 1] = DOCUMENTS

M.kinds = {
  plan = PLAN, document = DOCUMENT, signer = SIGNER, marks = MARKS, appendix = APPENDIX,
  table = TABLE, column = COLUMN, stt = STT, text_source = TEXT_SOURCE,
}

-- The names of a kind's fields, in order.
function M.names(kind)
  local out = {}
  for i, f in ipairs(M.kinds[kind]) do out[i] = f.name end
  return out
end

-- ---------------------------------------------------------------------------------------------
-- messages

M.keys = {
  unknown_guess = N_("unknown field '%s': did you mean '%s'?"),
  unknown = N_("unknown field '%s': check its spelling (the fields here are %s)"),
  unnamed = N_("%s: a value without a field name: write it as name = value"),
  type = N_("%s: expected %s, got %s"),
  missing = N_("%s: expected %s, got nothing"),
  empty = N_("%s: expected %s, got a blank text"),
  empty_list = N_("%s: expected %s, got an empty list"),
  value_guess = N_("%s: expected %s, got %s: write %s"),
}

-- { "appendices", 1, "orientaion" } → "appendices[1].orientaion"
function M.path_text(path)
  local out = ""
  for _, k in ipairs(path) do
    if math.type(k) == "integer" then out = out .. "[" .. k .. "]"
    elseif out == "" then out = tostring(k)
    else out = out .. "." .. tostring(k) end
  end
  return out
end

local function shown(s)
  if #s > 60 then s = s:sub(1, (utf8.offset(s, 57) or 58) - 1) .. "…" end
  return '"' .. s .. '"'
end

-- "\"a\", \"b\" or \"c\""
local function choices(values)
  local q = {}
  for i, v in ipairs(values) do q[i] = '"' .. (v == "\t" and "\\t" or v) .. '"' end
  if #q == 1 then return q[1] end
  return table.concat(q, ", ", 1, #q - 1) .. T(N_(" or ")) .. q[#q]
end

local TYPE_WORDS = {
  text = N_("text"), integer = N_("a whole number"), number = N_("a number"), boolean = N_("true or false"),
  table = N_("a table"), list = N_("a list"), record = N_("a table"),
}

local function got(v)
  if v == nil then return T(N_("nothing")) end
  if math.type(v) == "float" then return T(N_("the number %s")):format(tostring(v)) end
  if type(v) == "number" then return T(N_("a number")) end
  if type(v) == "boolean" then return tostring(v) end
  if type(v) == "string" then return T(N_("text")) end
  if type(v) == "function" then return T(N_("a function")) end
  if type(v) == "table" then return T(N_("a table")) end
  return T(N_("a %s")):format(type(v))
end

local function list_of(t)
  if type(t) ~= "table" then return false end
  local n = rawlen(t)
  for k in next, t do
    if math.type(k) ~= "integer" or k < 1 or k > n then return false end
  end
  return true, n
end

local function is_type(t, v)
  if t == "text" then return type(v) == "string" end
  if t == "integer" then return math.type(v) == "integer" end
  if t == "number" then return type(v) == "number" end
  if t == "boolean" then return type(v) == "boolean" end
  if t == "table" or t == "record" then return type(v) == "table" end
  if t == "list" then return (list_of(v)) end
  return false
end

local function has_type(field, v)
  local types = field.type
  if type(types) ~= "table" then return is_type(types, v) end   -- one type: no list to make
  for _, t in ipairs(types) do
    if is_type(t, v) then return true end
  end
  return false
end

local function expected(field)
  if field.what then return T(field.what) end
  if field.values then return choices(field.values) end
  local types = type(field.type) == "table" and field.type or { field.type }
  local words = {}
  for i, t in ipairs(types) do
    if t == "list" and field.of then
      local of = field.of
      if of.what then words[i] = T(N_("a list of %s")):format(T(of.what))
      elseif of.kind then words[i] = T(N_("a list of tables { %s }")):format(table.concat(M.names(of.kind), ", "))
      elseif of.type == "text" then words[i] = T(N_("a list of text lines"))
      else words[i] = T(N_("a list of %s")):format(T(TYPE_WORDS[of.type])) end
    elseif t == "record" and field.kind then
      words[i] = T(N_("a table { %s }")):format(table.concat(M.names(field.kind), ", "))
    else
      words[i] = T(TYPE_WORDS[t])
    end
  end
  return table.concat(words, T(N_(" or ")))
end

-- ---------------------------------------------------------------------------------------------
-- the walk

local Walk = {}
Walk.__index = Walk

-- A field name as typed, shown inside '…': a quote or backslash in it escaped (it cannot end
-- the quotes early), at most 200 characters then "…", as the loader shows it.
local function shown_name(name)
  name = name:gsub("\\", "\\\\"):gsub("'", "\\'")
  local ok, cut = pcall(utf8.offset, name, 201)
  if ok and cut and cut <= #name then name = name:sub(1, cut - 1) .. "…" end
  return name
end

function Walk:add(rule, path, key, ...)
  local args = table.pack(...)
  for i = 1, args.n do args[i] = tostring(args[i]) end
  args.n = nil
  local p = {}
  for i, k in ipairs(path) do p[i] = k end
  self.report{ rule = rule, severity = "error", path = p, key = key, args = args,
               message = string.format(T(key), table.unpack(args)) }
end

local function child(path, k)
  local p = {}
  for i, x in ipairs(path) do p[i] = x end
  p[#p + 1] = k
  return p
end

-- Keys of TBL that its kind does not know, sorted; ALSO: names known besides the kind's own.
local field_sets = {}   -- kind → { name = true } of its fields, made once

function Walk:unknown(tbl, kind, path, also)
  local set = field_sets[kind]
  if not set then
    set = {}
    for _, f in ipairs(M.kinds[kind]) do set[f.name] = true end
    field_sets[kind] = set
  end
  local names, unnamed = {}, false
  for k in next, tbl do
    if type(k) == "string" then
      if not set[k] and not (also and also[k]) then names[#names + 1] = k end
    elseif not (kind == "text_source" and math.type(k) == "integer") then
      unnamed = true
    end
  end
  if #names == 0 and not unnamed then return end
  table.sort(names)
  local known = M.names(kind)
  for _, k in ipairs(names) do
    local guess = M.nearest(k, known)
    if guess then
      self:add("unknown-field", child(path, k), M.keys.unknown_guess, shown_name(M.path_text(child(path, k))), guess)
    else
      self:add("unknown-field", child(path, k), M.keys.unknown, shown_name(M.path_text(child(path, k))), table.concat(known, ", "))
    end
  end
  if unnamed then
    self:add("unknown-field", path, M.keys.unnamed, #path > 0 and M.path_text(path) or T(N_("the returned table")))
  end
end

-- One value V of FIELD at PATH (V not nil).
function Walk:value(field, v, path, ctx)
  if not has_type(field, v) then
    self:add("field-type", path, M.keys.type, M.path_text(path), expected(field), got(v))
    return
  end
  if type(v) == "string" and field.values then
    local n = self.nfc(v) or v
    for _, a in ipairs(field.values) do
      if n == a then return end
    end
    local guess = M.nearest((n:gsub("^%s+", ""):gsub("%s+$", "")), field.values)
    if guess then
      self:add(field.rule or "field-type", path, M.keys.value_guess, M.path_text(path), choices(field.values),
               shown(v), shown(guess))
    else
      self:add(field.rule or "field-type", path, M.keys.type, M.path_text(path), choices(field.values), shown(v))
    end
    return
  end
  if type(v) ~= "table" then return end
  if field.kind and not (field.kind == "text_source" and type(v) == "string") then
    if self.lenient and rawget(v, "failed") == true then
      -- a file check could not read stands in: its error is reported once, from the file
      self:unknown(v, field.kind, path, { failed = true })
    else
      self:record(v, field.kind, path, ctx)
    end
  elseif field.type == "list" or (type(field.type) == "table" and field.of) then
    local _, n = list_of(v)
    if n == 0 and field.nonempty then
      self:add("field-type", path, M.keys.empty_list, M.path_text(path), expected(field))
      return
    end
    for i = 1, n do
      self:value(field.of, rawget(v, i), child(path, i), ctx)
    end
  end
end

-- The fields of TBL, a table of KIND at PATH. FIELDS: where the values are read (a bundle's
-- document with the plan's shared fields), WHERE(name): the path a field is named by.
function Walk:record(tbl, kind, path, ctx, fields, where, also)
  self:unknown(tbl, kind, path, also)
  local inner = setmetatable({ record = fields or tbl }, { __index = ctx })
  for _, f in ipairs(M.kinds[kind]) do
    local v = rawget(fields or tbl, f.name)
    local required = f.required
    if v ~= nil or required then   -- an optional field left out: nothing to check, no path made
      local p = where and where(f.name) or child(path, f.name)
      if type(required) == "function" then required = required(inner) end
      if v == nil then
        if required then self:add("required", p, M.keys.missing, M.path_text(p), expected(f)) end
      elseif required and is_blank(v) and not f.blank_ok then
        self:add("required", p, M.keys.empty, M.path_text(p), expected(f))
      else
        self:value(f, v, p, inner)
      end
    end
  end
end

-- Check PLAN (the table plan.lua returned). OPTS: nfc (a function giving the NFC form of a text,
-- for the values: the loader has normalised them already), lenient (a file `kehoach check` could
-- not read stands in as a table marked failed).
function M.validate(plan, report, opts)
  opts = opts or {}
  local w = setmetatable({ report = report, nfc = opts.nfc or function(s) return s end,
                           lenient = opts.lenient }, Walk)
  if type(plan) ~= "table" then
    w:add("field-type", {}, M.keys.type, T(N_("the returned table")), T(N_("a table { agency = …, … }")), got(plan))
    return
  end
  local docs = rawget(plan, "documents")
  if docs == nil then
    w:record(plan, "plan", {}, { fields = plan, draft = M.is_draft(plan, false), attached = false })
    return
  end
  -- a bundle: each document takes the plan's shared fields, then its own
  w:unknown(plan, "plan", {})
  local field = DOCUMENTS
  if not has_type(field, docs) or rawlen(docs) == 0 then
    w:value(field, docs, { "documents" }, {})
    if not has_type(field, docs) then return end
  end
  for i = 1, rawlen(docs) do
    local own = rawget(docs, i)
    local path = { "documents", i }
    if type(own) ~= "table" then
      w:add("field-type", path, M.keys.type, M.path_text(path), T(N_("a table describing one document")), got(own))
    else
      local merged = {}
      for k, v in next, plan do if k ~= "documents" then merged[k] = v end end
      for k, v in next, own do merged[k] = v end
      local to = rawget(merged, "attached_to")
      local attached = math.type(to) == "integer" and to >= 1 and to < i
      local ctx = { fields = merged, draft = M.is_draft(merged, attached), attached = attached }
      w:record(own, "document", path, ctx, merged, function(name)
        if rawget(own, name) ~= nil or rawget(plan, name) == nil then return { "documents", i, name } end
        return { name }
      end)
    end
  end
end

-- The first error validate() finds in PLAN, or nil.
function M.first_error(plan, opts)
  local first
  M.validate(plan, function(f)
    if not first and f.severity == "error" then first = f end
  end, opts)
  return first
end

-- read_table's options: the first unknown option's name, the option meant (or nil) and the
-- options there are; nil when every option is known.
function M.unknown_option(options)
  local known, set = {}, {}
  for _, f in ipairs(TABLE) do
    if f.name ~= "file" and f.name ~= "rows" then   -- what read_table adds, not options
      known[#known + 1] = f.name
      set[f.name] = true
    end
  end
  local names = {}
  for k in next, options do
    if type(k) == "string" and not set[k] then names[#names + 1] = k end
  end
  if #names == 0 then return nil end
  table.sort(names)
  return names[1], M.nearest(names[1], known), table.concat(known, ", ")
end

return M
