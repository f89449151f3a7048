-- newyear — the text rewriting of `kehoach new`: this year's plan folder becomes next year's.
--
--   rewrite(text, { delta = 1, year = 2026, shift_ranges = false, plan = false, table = false })
--     → new_text, changes
--
-- YEAR is the plan's own year; DELTA how far it moves. What moves by DELTA:
--   periods the plan names: "năm 2026", "Năm 2026", "NĂM 2026", "cuối năm 2025", "Quý III/2026",
--   "tháng 6/2026", "6 tháng đầu năm 2026";
--   deadlines the plan sets: a date after DEADLINE_WORDS ("trước", "hạn chót", "thời hạn" …,
--   each maybe followed by "ngày", "là", "vào" or ":"): "trước ngày 31/12/2026", "hạn chót
--   30/6/2026", "chậm nhất ngày 31 tháng 12 năm 2026"; in a table, a date alone in its cell.
--   A 29/02 that lands in a year that is not a leap year becomes 28/02.
-- What stays:
--   a cited document, from its reference to the end of its title (cited_spans below): "Kế hoạch
--   số 266/KH-UBND ngày 23/6/2026 của UBND tỉnh về … năm 2026", "theo 2142/QĐ-UBND ngày …";
--   a past result (past_result below): "Năm 2025, Chỉ số … đạt 87,20 điểm", "kết quả năm 2025",
--   "so với năm 2025";
--   other dates ("ngày 23/6/2026", "ngày 05 tháng 01 năm 2024"), document numbers and symbols
--   ("số 266/KH-UBND", "34/2020/QĐ-UBND"), years no word marks as a period ("PAR INDEX 2025"),
--   ranges ("giai đoạn 2026-2030") and horizons ("đến năm 2030") unless SHIFT_RANGES.
-- In the plan file (PLAN) the number is cleared (number = nil) and each date loses its day and
-- moves by DELTA (date = "2027-06"). In the plan file and a table (TABLE: a file read by
-- read_table) each line stands alone, and the end of a Lua string or of a cell ends a cited title.
-- CHANGES: { {line = 12, column = 40, before = "…theo Kế hoạch CCHC năm 2026 của Sở…",
-- after = "…theo Kế hoạch CCHC năm 2027 của Sở…"}, … } in the order of the text. COLUMN counts
-- characters from 1, in the old text, and points at the first character replaced.
local M = {}

local function lower(s)
  local ok, r = pcall(kh.lower, s)
  return ok and r or nil
end

-- A byte that is part of a word: an ASCII letter or digit, or any byte of a multibyte character
-- (Vietnamese letters; no punctuation the rules below look for is multibyte except dashes).
local function wordbyte(c)
  return c ~= "" and (c:match("[%w_]") ~= nil or c:byte() >= 0x80)
end

-- Does the word (or words) W occur in S, not as part of a longer word? W is lower case.
local function has_word(s, w)
  local i = 1
  while true do
    local a, b = s:find(w, i, true)
    if not a then return false end
    if not wordbyte(s:sub(a - 1, a - 1)) and not wordbyte(s:sub(b + 1, b + 1)) then return true end
    i = a + 1
  end
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

-- number = 98 → number = nil; date = "2026-06-15" → date = "2027-06". Edits as {s, e, to}.
local function plan_edits(line, delta, edits)
  local code = line:sub(1, code_length(line))
  local i = 1
  while true do
    local s, e, q1, _, q2 = code:find("%f[%w_]number%s*=%s*([\"']?)(%d+)([\"']?)", i)
    if not s then break end
    if q1 == q2 then
      local v = code:find("[\"']?%d", s + 6)
      edits[#edits + 1] = { s = v, e = e, to = "nil" }
    end
    i = e + 1
  end
  i = 1
  while true do
    local s, e, q, y, m, day = code:find("%f[%w_]date%s*=%s*([\"'])(%d%d%d%d)%-(%d%d)(%-?%d*)%1", i)
    if not s then break end
    local v = code:find(q, s, true)
    local to = string.format("%s%04d-%s%s", q, tonumber(y) + delta, m, q)
    if to ~= q .. y .. "-" .. m .. day .. q then edits[#edits + 1] = { s = v, e = e, to = to } end
    i = e + 1
  end
end

-- Kinds of documents a plan cites by number (lower case).
local KINDS = { "kế hoạch", "quyết định", "chỉ thị", "nghị quyết", "thông tư liên tịch", "thông tư",
  "nghị định", "công văn", "công điện", "luật", "pháp lệnh", "thông báo", "báo cáo", "chương trình",
  "đề án", "hướng dẫn", "văn bản", "kết luận", "quy định", "tờ trình", "quy chế" }

-- Words that, after ", ", open a new clause rather than continue a title: the subject of the
-- plan's own sentence (an office), a period, a linking word. As typed (capitals matter: in a
-- title ", Chỉ số …" continues, ", Sở Xây dựng ban hành" does not).
local CLAUSE_AFTER_COMMA = { "Sở ", "UBND", "Ủy ban", "Uỷ ban", "Văn phòng", "Phòng ", "Ban ", "Các ",
  "Năm ", "Quý ", "Tháng ", "Trong ", "Căn cứ", "Theo ", "Đồng thời", "năm ", "quý ", "tháng ",
  "trong năm", "căn cứ", "đồng thời", "cụ thể", "trong đó", "theo đó", "nhằm ", "để " }

-- Offices whose "của …" after a title ends it ("… năm 2026 của Sở Xây dựng"): lower case here,
-- written with a capital in the text.
local ISSUERS = { "sở", "ubnd", "ủy ban", "uỷ ban", "chính phủ", "thủ tướng", "bộ", "hđnd", "hội đồng",
  "tỉnh ủy", "tỉnh uỷ", "ban", "văn phòng", "chủ tịch", "cục", "tổng cục" }

-- The end of a document reference that starts at P of LOW: the kind word, then "số" and a number
-- or symbol ("số 266/KH-UBND", "số /KH-SXD", "số 34/2020/QĐ-UBND", "số 16-CT/TU"), or the number
-- and symbol alone ("Quyết định 766/QĐ-TTg"); a law by its name ("Luật Đất đai"). Nil when P
-- starts no reference.
local SYMBOL = "^%d*[/%-][%d/%-]*[%a\xc3-\xe1][%w\x80-\xff/%-]*"
local function reference_end(line, low, p)
  for _, k in ipairs(KINDS) do
    if low:sub(p, p + #k - 1) == k and not wordbyte(low:sub(p - 1, p - 1)) then
      local q = p + #k
      local sp = low:match("^%s+()", q)
      if not sp then return nil end
      if k == "luật" and line:sub(p, p) == "L" then   -- "Luật Đất đai": a law by its name
        local w = line:match("^[^%s%p]+", sp)
        local lw = w and lower(w)
        if lw and lw ~= w then return sp - 1 end
      end
      local after_so = low:match("^số%s+()", sp) or sp
      local _, e = line:find(SYMBOL, after_so)
      if e then return e end
      return nil
    end
  end
  -- a number and symbol alone: "theo 2142/QĐ-UBND"
  if line:match("^%d+/", p) and not wordbyte(line:sub(p - 1, p - 1)) then
    local _, e = line:find("^%d+/[%d/]*[A-ZĐ\xc3-\xe1][%w\x80-\xff/%-]*", p)
    if e and line:sub(p, e):match("%u") then return e end
  end
  return nil
end

-- Where the title of a document referenced up to R ends in LINE (the last byte of the span to
-- keep). The title ends at the first of: ";"; a "." that ends a sentence (a space or the line's
-- end after it); ":"; a tab; the paragraph's end (a body's paragraph goes on over lines that
-- start with no marker; in the plan file and a table, each line ends); a ")" not opened in the
-- title; ", " followed by a word that opens a new clause (CLAUSE_AFTER_COMMA); "của" and an
-- office, in capitals, after the title began ("… của Sở Xây dựng", not "… của bộ phận một cửa";
-- "của UBND tỉnh" right after the number or date is the issuer, part of the reference); the
-- QUOTE the reference is in (the end of a Lua string or a quoted cell); in a table, outside
-- quotes, the next cell.
local OF = "của "

-- Does the paragraph go on after the line end at I of CTX.text? In a body, when the next line is
-- not blank and starts with no marker (README: the body markup).
local function goes_on(ctx, i)
  if ctx.lines then return false end
  local nxt = ctx.text:sub(i + 1, i + 40):match("^[^\n]*")   -- its start is enough
  if nxt:match("^%s*$") or nxt:match("^%s*#") or nxt:match("^%s*[-+]%s") or nxt:match("^%s*%d[%d.]*[.)]%s")
     or nxt:match("^%s*%a%)%s") or nxt:match("^%s*đ%)%s") then
    return false
  end
  return true
end

local function title_end(ctx, r, quote)
  local line, low, table_mode = ctx.text, ctx.low, ctx.table
  local depth = 0
  -- the reference's own date ("ngày 23/6/2026", "ngày 05 tháng 01 năm 2024", "ngày  tháng  năm 2026")
  local first = low:match("^%s*ngày%s+[%d%s/thángnă\x80-\xbf]*%d()", r + 1) or r + 1
  first = low:match("^[%s,]*()", first)
  for i = r + 1, #line do
    local c = line:sub(i, i)
    if c == ";" or c == "\t" or c == ":" or c == "\r" then return i - 1 end
    if c == "\n" and not goes_on(ctx, i) then return i - 1 end
    -- the end of the string or the cell it is in; in a table, outside quotes, the next cell
    if quote and c == quote and line:sub(i - 1, i - 1) ~= "\\" then return i - 1 end
    if table_mode and not quote and (c == "," or c == '"') then return i - 1 end
    if c == "." and (i == #line or line:sub(i + 1, i + 1):match("%s")) then return i - 1 end
    if c == "(" then depth = depth + 1 end
    if c == ")" then
      if depth == 0 then return i - 1 end
      depth = depth - 1
    end
    if c == "," and line:sub(i + 1, i + 1) == " " then
      for _, w in ipairs(CLAUSE_AFTER_COMMA) do
        if line:sub(i + 2, i + 1 + #w) == w then return i - 1 end
      end
    end
    -- "của UBND tỉnh" at FIRST names the issuer; later, "của" and an office end the title
    if c == "c" and i > first and low:sub(i, i + #OF - 1) == OF and not wordbyte(low:sub(i - 1, i - 1)) then
      local o = i + #OF
      local capital = line:sub(o, o + 2) ~= low:sub(o, o + 2)
      for _, w in ipairs(ISSUERS) do
        if capital and low:sub(o, o + #w - 1) == w and not wordbyte(low:sub(o + #w, o + #w)) then
          return i - 2
        end
      end
    end
  end
  return #line
end

-- The spans of CTX.text that belong to cited documents: { {s, e}, … } in order.
-- The quote open before P in the plan file (a Lua string: ' or ", not in a comment) or in a
-- table (a quoted cell: "), nil elsewhere; ST carries the scan from one call to the next (P only
-- grows).
local function open_quote(ctx, st, p)
  if not (ctx.plan or ctx.table) then return nil end
  local text = ctx.text
  for i = st.at, p - 1 do
    local c = text:sub(i, i)
    if c == "\n" then
      st.quote, st.comment = nil, false
    elseif st.comment then                        -- in a comment quotes mean nothing
    elseif st.quote then
      if ctx.plan and c == "\\" then st.skip = i + 1
      elseif c == st.quote and st.skip ~= i then st.quote = nil end
    elseif c == '"' or (ctx.plan and c == "'") then
      st.quote = c
    elseif ctx.plan and c == "-" and text:sub(i + 1, i + 1) == "-" then
      st.comment = true
    end
  end
  if p > st.at then st.at = p end
  return st.quote
end

local function cited_spans(ctx)
  local line, low = ctx.text, ctx.low
  local spans = {}
  local st = { at = 1, comment = false }
  local p = 1
  while p <= #line do
    local r = (p == 1 or not wordbyte(line:sub(p - 1, p - 1))) and reference_end(line, low, p)
    if r then
      local e = title_end(ctx, r, open_quote(ctx, st, p))
      if e < r then e = r end
      spans[#spans + 1] = { p, e }
      p = e + 1
    else
      p = (line:find("[%s%p]", p) or #line) + 1   -- the next word
    end
  end
  return spans
end

local function inside(spans, s)
  local a, b = 1, #spans
  while a <= b do
    local m = (a + b) // 2
    if s < spans[m][1] then b = m - 1 elseif s > spans[m][2] then a = m + 1 else return true end
  end
  return false
end

-- The sentence around S..E of CTX.low, before and after it: from after the previous ";", ":",
-- "!", "?", ". " or paragraph end to the next. Looked for within REACH bytes each side.
-- In a table a cell ends it too: a tab, a quote, a comma with no space after (", " is prose).
local REACH = 400
local function ends_sentence(ctx, j)
  local c = ctx.low:sub(j, j)
  if c == "." then return ctx.low:sub(j + 1, j + 1):match("^%s?$") ~= nil end
  if c == "\n" then return not goes_on(ctx, j) end
  if c == "," then return ctx.table and ctx.low:sub(j + 1, j + 1) ~= " " end
  if c == "\t" or c == '"' then return ctx.table end
  return true                                   -- ; : ! ?
end
local function sentence(ctx, s, e)
  local low = ctx.low
  local a0 = math.max(1, s - REACH)
  local a = a0
  for k in low:sub(a0, s - 1):gmatch("()[;:!?%.\n,\t\"]") do
    if ends_sentence(ctx, a0 + k - 1) then a = a0 + k end
  end
  local b = math.min(#low, e + REACH)
  for k in low:sub(e + 1, b):gmatch("()[;:!?%.\n,\t\"]") do
    if ends_sentence(ctx, e + k) then b = e + k - 1; break end
  end
  return low:sub(a, s - 1), low:sub(e + 1, b)
end

-- A past result keeps its year: a year strictly before the plan's own, in a sentence that
-- reports what it achieved: a verb of achieved result after the year ("Năm 2025, Chỉ số … đạt
-- 87,20 điểm", "năm 2025 xếp thứ 12", "… được công nhận"), or the year named as a result or a
-- comparison base ("kết quả năm 2025", "xếp thứ 5 năm 2025", "so với năm 2025"), or after a
-- figure reached ("đạt 98,5% năm 2025", "đạt 87,20 điểm năm 2025"). "đạt" alone before the year
-- is not enough ("đạt tỉ lệ theo kế hoạch năm 2025" is a target). A sentence that sets a target
-- ("phấn đấu …") is the plan's own and moves.
local RESULT_AFTER = { "đạt", "xếp", "tăng", "giảm", "được", "hoàn thành" }
local RESULT_BEFORE = { "kết quả", "xếp", "so với" }
local function past_result(ctx, s, e, year, plan_year)
  if not plan_year or year >= plan_year then return false end
  local before, after = sentence(ctx, s, e)
  if has_word(before, "phấn đấu") then return false end
  for _, w in ipairs(RESULT_AFTER) do
    if has_word(after, w) then return true end
  end
  for _, w in ipairs(RESULT_BEFORE) do
    if has_word(before, w) then return true end
  end
  -- a figure reached: "đạt 98,5% năm 2025", "đạt 87,20 điểm năm 2025"
  if before:match("đạt%s+[%d.,]+%s*%%") or before:match("đạt%s+[%d.,]+%s+điểm") then return true end
  return false
end

local DEADLINE_WORDS = { "trước", "hạn chót", "thời hạn", "hạn", "chậm nhất", "hoàn thành" }

-- Does LOW up to P (exclusive) end with a word that sets a deadline ("trước ngày ", "hạn chót: ")?
local function after_deadline_word(low, p)
  local b = low:sub(1, p - 1):gsub("%s+$", "")
  b = b:gsub("%f[%w\x80-\xff]ngày$", ""):gsub("%s+$", "")
  b = b:gsub("%f[%w\x80-\xff]là$", ""):gsub("%s+$", ""):gsub(":$", ""):gsub("%s+$", "")
  b = b:gsub("%f[%w\x80-\xff]vào$", ""):gsub("%s+$", "")
  for _, w in ipairs(DEADLINE_WORDS) do
    if b:sub(-#w) == w and not wordbyte(b:sub(-#w - 1, -#w - 1)) then return true end
  end
  return false
end

local function leap(y)
  return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0
end

-- What a year at S..E of LINE is: "move", "deadline" (with how many bytes before S its date
-- starts), "range" (with its end, separator and second year) or nil (left alone). PREFIX is the
-- lower-case text before the year, from the previous lines of its paragraph too ("năm" may end
-- the line before).
local function classify(line, prefix, s, e, year, opts)
  for _, dash in ipairs({ "%-", "–", "—" }) do
    local sep, y2 = line:match("^(%s*" .. dash .. "%s*)(%d%d%d%d)%f[%D]", e + 1)
    if y2 and tonumber(y2) > year and tonumber(y2) - year <= 50 then
      return "range", e + #sep + 4, sep, tonumber(y2)
    end
  end
  -- "2026/QĐ-UBND", "2020/NĐ-CP": part of a document's number
  if line:match("^/%S", e + 1) then return nil end
  if prefix:match("số%s*$") then return nil end
  if prefix:match("/%s*$") then
    if prefix:match("quý%s+[ivxlc%d]+%s*/%s*$") or prefix:match("tháng%s+%d%d?%s*/%s*$") then
      return "move"
    end
    local ds = prefix:match("()%f[%d]%d%d?/%d%d?/$")
    if ds and after_deadline_word(prefix, ds) then return "deadline", #prefix + 1 - ds end
    -- in a table, a date alone in its cell: the column of when a task is due
    if ds and opts.table then
      local cell_start = prefix:sub(1, ds - 1):match("[,;\t\"]%s*$") or prefix:sub(1, ds - 1):match("^%s*$")
      local cell_end = line:match("^%s*\"?%s*[,;\t]", e + 1) or line:match("^%s*\"?%s*\r?$", e + 1)
      if cell_start and cell_end then return "deadline", #prefix + 1 - ds end
    end
    return nil                                  -- 23/6/2026, 30/2020: a date or a number
  end
  if prefix:match("đến%s+năm%s+$") then
    if opts.shift_ranges then return "move" end
    return nil                                  -- a horizon: "đến năm 2030"
  end
  local k = prefix:match("()năm%s+$")
  if k then
    local w, ds = prefix:sub(1, k - 1):match("()ngày%s+()%d%d?%s+tháng%s+%d%d?%s+$")
    if w and after_deadline_word(prefix, w) then return "deadline", #prefix + 1 - ds end
    if prefix:sub(1, k - 1):match("ngày[^%a]-tháng[^%a]-$") then return nil end   -- ngày 05 tháng 01 năm 2024
    return "move"
  end
  return nil
end

-- The edits of one line, at START of CTX.text: { {s, e, to}, … } on the old line.
local function year_edits(line, start, ctx, opts, edits)
  local delta = opts.delta
  local spans, at = ctx.spans, start - 1
  local i = 1
  while true do
    local s, e = line:find("%f[%d]%d%d%d%d%f[%D]", i)
    if not s then break end
    local year = tonumber(line:sub(s, e))
    local next_i = e + 1
    if year >= 1900 and year <= 2100 and not inside(spans, at + s) then
      local from_byte = math.max(ctx.lines and start or 1, at + s - 80)
      local kind, a, b, c = classify(line, ctx.low:sub(from_byte, at + s - 1), s, e, year, opts)
      if kind == "range" then
        local stop, sep, y2 = a, b, c
        if opts.shift_ranges and delta ~= 0 then
          edits[#edits + 1] = { s = s, e = stop, to = string.format("%d%s%d", year + delta, sep, y2 + delta) }
        end
        next_i = stop + 1
      elseif (kind == "move" or kind == "deadline") and delta ~= 0
             and not past_result(ctx, at + s, at + e, year, opts.year) then
        local to = tostring(year + delta)
        local from = s
        if kind == "deadline" and s - a >= 1 then
          -- 29/02 or "ngày 29 tháng 02" in a year that is not a leap year: the 28th
          a = s - a
          local day, mid = line:sub(a, s - 1):match("^(%d%d?)(%D+0?2%D+)$")
          if day and tonumber(day) == 29 and not leap(year + delta) then
            from, to = a, "28" .. mid .. to
          end
        end
        edits[#edits + 1] = { s = from, e = e, to = to }
      end
    end
    i = next_i
  end
end

-- How many characters LINE has before byte P: the column of P, counted from 1.
local function column(line, p)
  local n = 0
  for _ in line:sub(1, p - 1):gmatch("[^\x80-\xbf]") do n = n + 1 end
  return n + 1
end

-- A few words each side of S..E, at most about 40 bytes, "…" where the line goes on.
local WORDS, BYTES = 3, 40
local function context(line, s, e)
  local a = s
  local words = 0
  while a > 1 and words < WORDS + 1 and s - a < BYTES do
    a = a - 1
    if line:sub(a, a):match("%s") and not line:sub(a + 1, a + 1):match("%s") and a < s - 1 then words = words + 1 end
  end
  if words > WORDS then a = a + 1 end
  while a > 1 and line:byte(a) and line:byte(a) >= 0x80 and line:byte(a) < 0xc0 do a = a + 1 end
  local b = e
  words = 0
  while b < #line and words < WORDS + 1 and b - e < BYTES do
    b = b + 1
    if line:sub(b, b):match("%s") and b > e + 1 and not line:sub(b - 1, b - 1):match("%s") then words = words + 1 end
  end
  if words > WORDS then b = b - 1 end
  while b < #line and line:byte(b + 1) and line:byte(b + 1) >= 0x80 and line:byte(b + 1) < 0xc0 do b = b + 1 end
  local left, right = line:sub(a, s - 1), line:sub(e + 1, b)
  -- one line, runs of spaces as one: the context is for reading, the column for finding
  left = left:gsub("^%s+", ""):gsub("%s+", " ")
  right = right:gsub("[%s\r]+$", ""):gsub("%s+", " ")
  if a > 1 then left = "…" .. left end
  if b < #line and not line:sub(b + 1):match("^[%s\r]*$") then right = right .. "…" end
  return left, right
end

local function rewrite_line(line, n, start, ctx, opts, changes)
  local edits = {}
  if opts.plan then plan_edits(line, opts.delta, edits) end
  year_edits(line, start, ctx, opts, edits)
  table.sort(edits, function(x, y) return x.s < y.s end)
  local out, from = {}, 1
  for _, ed in ipairs(edits) do
    if ed.s >= from then
      local left, right = context(line, ed.s, ed.e)
      changes[#changes + 1] = { line = n, column = column(line, ed.s),
        before = left .. line:sub(ed.s, ed.e) .. right, after = left .. ed.to .. right }
      out[#out + 1] = line:sub(from, ed.s - 1) .. ed.to
      from = ed.e + 1
    end
  end
  out[#out + 1] = line:sub(from)
  return table.concat(out)
end

function M.rewrite(text, opts)
  opts = opts or {}
  opts.delta = opts.delta or 0
  local changes, out = {}, {}
  local low = lower(text)
  if not low or #low ~= #text then low = text end   -- lower() keeps byte lengths of NFC text
  local ctx = { text = text, low = low, plan = opts.plan, table = opts.table, lines = opts.plan or opts.table }
  ctx.spans = cited_spans(ctx)
  local n, pos = 0, 1
  while pos <= #text do
    local nl = text:find("\n", pos, true)
    local line = text:sub(pos, (nl or #text + 1) - 1)
    local eol = nl and "\n" or ""
    n = n + 1
    out[#out + 1] = rewrite_line(line, n, pos, ctx, opts, changes) .. eol
    pos = (nl or #text) + 1
  end
  return table.concat(out), changes
end

return M
