-- nd30 — the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, for a KẾ HOẠCH and other documents
-- with a tên loại (Mẫu 1.4). Every size and distance is a setting; every part of the page is a
-- function a province template may override:
--
--   local nd30 = require("nd30")
--   local T = nd30.extend{ settings = { body = { size = 13 } } }
--   function T.recipients_list(ctx, items) … end
--   return T
--
-- Lengths are millimetres, sizes and spacing points.
local numbering = require("numbering")
local vn = require("vn")
local tables = require("tables")

local T = { name = "nd30" }

T.settings = {
  font = "Times New Roman",
  lang = "vi-VN",
  page = {                        -- A4 portrait; margins per PL I I.3
    width = 210, height = 297,
    margin_top = 20, margin_bottom = 20, margin_left = 30, margin_right = 15,
    header_distance = 10,
  },
  landscape = {                   -- wide appendices (margins as in the decree's own file)
    margin_top = 20, margin_bottom = 15, margin_left = 30, margin_right = 15,
    header_distance = 10,
  },
  page_number = { size = 14, first_page = false },
  header = {                      -- the header block (ô 1–4): a borderless two-column table
    left = 0.38,                  -- share of the text width for the agency column
    parent_size = 13,             -- cơ quan chủ quản, upright
    agency_size = 13,             -- cơ quan ban hành, bold
    agency_rule = 0.4,            -- rule under the agency: 1/3–1/2 of the name's length
    motto_size = 13,              -- Quốc hiệu, bold capitals
    slogan_size = 14,             -- Tiêu ngữ, bold; its rule is as long as the text
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    slogan = "Độc lập - Tự do - Hạnh phúc",
    number_size = 13,             -- "Số: …/KH-SXD"
    date_size = 14,               -- place and date, italic
    rule_width = 0.5,             -- points
    gap = 6,                      -- points between the rules and the number/date row
  },
  title = {
    type_size = 14, subject_size = 14,
    space_before = 18,            -- between the header block and the tên loại
    rule = 0.35,                  -- rule under the subject: 1/3–1/2 of its line
    space_after = 6,
  },
  body = {
    size = 14,
    indent_first = 12.7,          -- 1.27 cm (or 10 mm)
    space_before = 6,             -- at least 6 pt between paragraphs
    space_after = 0,
    line = 1.0,                   -- single (1.0) to one and a half lines (1.5)
  },
  levels = {                      -- headings: # ## ###
    { style = "roman", format = "%s. ", upper = true, bold = true },
    { style = "arabic", format = "%s. ", bold = true },
    { style = "sub", format = "%s. ", bold = true, italic = false },
  },
  items = {                       -- numbered paragraphs by their marker
    number = "%s. ", subnumber = "%s. ", letter = "%s) ", dash = "- ", plus = "+ ",
  },
  closing = "./.",
  decision = {                    -- QUYẾT ĐỊNH (Mẫu 1.2/1.3, nd30.md §8b)
    authority_size = 14,          -- "GIÁM ĐỐC SỞ XÂY DỰNG", bold capitals
    bases_size = 14,              -- "Căn cứ …;" italic, each on its own line
    decides = "QUYẾT ĐỊNH:", decides_size = 14,
    article = "Điều %d. ",        -- bold label, regular text
    attached = "(Kèm theo %s số %s ngày %s của %s)",   -- under the title of a document it promulgates
    attached_size = 14,
  },
  marks = {                       -- markings (nd30.md §13), in the left column under the number
    size = 13,
    draft = "DỰ THẢO",
    urgency_color = "FF0000",     -- bright red ink
    urgency_width = { ["HỎA TỐC"] = 30, ["THƯỢNG KHẨN"] = 40, ["KHẨN"] = 20 },   -- mm
    frame = 0.75,                 -- points
  },
  recipients = {
    label = "Nơi nhận:", label_size = 12, size = 11,
    left = 0.42,                  -- share of the text width for the recipients column
    space_before = 12,
  },
  signature = {
    size = 14, name_size = 14,
    gap = 72,                     -- points between the title and the name (signature and seal)
  },
  appendix = {
    label = "Phụ lục",            -- "Phụ lục" alone when there is one, "Phụ lục I, II …" when several
    upper = false,                -- true writes "PHỤ LỤC" as most real plans do
    label_size = 14, title_size = 14, subtitle_size = 14, attachment_size = 14,
    attachment = "(Kèm theo %s số %s ngày %s của %s)",   -- false: no such line
    rule = 0.3,                   -- share of the text width for the rule under the attachment line
    orientation = "portrait",
    number_first_page = false,    -- page numbers restart in each appendix; page 1 shown?
    header_block = false,         -- repeat the agency and national motto block (no number line)
    space_after = 12,
  },
  table = {
    size = 12, header_bold = true, header_align = "center", group_bold = true,
    space = 2, cell_margin = 1.5,
    row_whole_max = 80,   -- mm: a row up to this tall (estimated) stays on one page, a taller may break
  },
}

-- ---------------------------------------------------------------------------------------------
-- extension

-- LEVEL counts the stack levels from this merge up to the template that called extend, so a
-- warning names that template's line.
local function merge(base, over, path, level)
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(over) do
    local name = path and (path .. "." .. tostring(k)) or tostring(k)
    if base[k] == nil and type(k) == "string" then
      kh.warn(kh._("unknown setting '%s'"):format(name), level)
    elseif base[k] ~= nil and v ~= false and type(v) ~= type(base[k]) then
      error(kh.where(level) .. kh._("setting '%s': expected %s, got %s"):format(name, kh._(type(base[k])), kh._(type(v))), 0)
    end
    if type(v) == "table" and type(base[k]) == "table" then
      out[k] = merge(base[k], v, name, level + 1)   -- field by field, and a list item by item
    else
      out[k] = v
    end
  end
  return out
end

-- A template that differs from BASE (this one) only in what OVER says. Functions in OVER replace
-- the base's; settings merge into a copy of its settings; a name it does not have is warned of.
local function extend(base, over, level)
  over = over or {}
  local child = {}
  for k, v in pairs(base) do child[k] = v end
  for k, v in pairs(over) do
    if k == "settings" then
      child.settings = merge(base.settings, v, nil, level + 2)
    else
      if type(base[k]) == "function" and type(v) ~= "function" then
        error(kh.where(level) .. kh._("template field '%s': expected a function"):format(k), 0)
      elseif base[k] == nil and k ~= "name" then
        kh.warn(kh._("template defines '%s', which no layout step calls"):format(tostring(k)), level + 1)
      end
      child[k] = v
    end
  end
  child.extend = function(more)
    local grandchild = extend(child, more, 2)
    return grandchild   -- not a tail call: the warning levels count this frame
  end
  -- A function added later (function T.recipient_list …) is checked the same way.
  return setmetatable(child, { __newindex = function(t, k, v)
    if base[k] == nil and type(v) == "function" then
      kh.warn(kh._("template defines '%s', which no layout step calls"):format(tostring(k)), 2)
    end
    rawset(t, k, v)
  end })
end

function T.extend(over)
  local child = extend(T, over, 2)
  return child
end

-- ---------------------------------------------------------------------------------------------
-- helpers

-- A paragraph on the named style ID with CONTENT (a text or a list of runs) and only the
-- EXCEPTIONS to that style: what a style cannot know, as a rule's length, or what the decree
-- sets apart for one paragraph.
-- A field a draft leaves blank (nil or spaces).
local function blank(s) return s == nil or s:match("^%s*$") ~= nil end

local function styled(id, content, exceptions)
  local p = { style = id }
  if type(content) == "table" then p.runs = content else p.text = content end
  for k, v in pairs(exceptions or {}) do p[k] = v end
  return p
end
T.styled = styled

-- A rule WIDTH mm long centred in AVAILABLE mm: the paragraph's top border between indents.
local function rule(width, available, extra)
  local side = math.max(0, (available - width) / 2)
  local p = styled("Rule", {}, { indent_left = side, indent_right = side })
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

-- Width in mm of the longest line TEXT takes in a column AVAILABLE mm wide.
local function line_width(text, size, bold, available)
  return math.min(kh.text_width(text, size, bold), available)
end

function T.page_setup(ctx, orientation, first_numbered, restart)
  local s = ctx.settings
  local page = s.page
  local m = orientation == "landscape" and s.landscape or page
  ctx.doc:section{
    orientation = orientation or "portrait",
    width = page.width, height = page.height,
    margin_top = m.margin_top, margin_bottom = m.margin_bottom,
    margin_left = m.margin_left, margin_right = m.margin_right,
    header_distance = m.header_distance,
    page_numbers = true, number_first_page = first_numbered or false,
    page_start = restart and 1 or nil,
    number_size = s.page_number.size,
  }
end

-- The decree's numbers as Word and LibreOffice number lists, so that a heading or an item a clerk
-- inserts later takes the next number and every following one moves on. A level whose numbers
-- are letters stays typed text, as do the levels under it: the Vietnamese sequence (a, b, c, d,
-- đ, e, g …) is no list format of Word's or ODF's (docs/design.md, "Numbering").
local LIST_FORMATS = { roman = "upper-roman", arabic = "decimal", sub = "decimal" }

-- A settings format ("%s. ") around a list label ("%1" or "%1.%2"): the list's text and what
-- follows the number, or nil when the format is not one number and what surrounds it.
local function list_text(format, label)
  local text, n = format:gsub("%%s", function() return label end)
  if n ~= 1 or text:find("%", text:find(label, 1, true) + #label, true) then return nil end
  local body, space = text:match("^(.-)(%s*)$")
  return body, space ~= "" and "space" or "nothing"
end

-- The list levels of the headings: the leading levels whose numbers a list can show.
function T.heading_list(settings)
  local levels, out = settings.levels, {}
  for k = 1, 3 do
    local l = levels[k]
    local format = LIST_FORMATS[l.style]
    if not format or (l.style == "sub" and k == 1) then break end
    local label = l.style == "sub" and ("%" .. (k - 1) .. ".%" .. k) or ("%" .. k)
    local text, follow = list_text(l.format, label)
    if not text then break end
    out[k] = { format = format, text = text, follow = follow,
               indent_first = settings.body.indent_first }
  end
  return out
end

-- The item lists: "1." items (restarting under every heading), "-" and "+" items.
function T.item_lists(settings)
  local items, first = settings.items, settings.body.indent_first
  local out = {}
  local text, follow = list_text(items.number, "%1")
  if text then
    out.number = { format = "decimal", text = text, follow = follow, indent_first = first }
  end
  for _, mark in ipairs({ "dash", "plus" }) do
    local bullet, space = items[mark]:match("^(%S+)(%s*)$")
    if bullet and not bullet:find("%", 1, true) then
      out[mark] = { format = "bullet", text = bullet, follow = space ~= "" and "space" or "nothing",
                    indent_first = first }
    end
  end
  return out
end

function T.styles(ctx)
  local s = ctx.settings
  local b = s.body
  local doc = ctx.doc
  doc:settings{ font = s.font, size = b.size, lang = s.lang,
                title = ctx.plan.type .. " " .. ctx.plan.subject,
                subject = ctx.plan.subject, creator = ctx.plan.agency_name or ctx.plan.agency }
  doc:style{ id = "Body", name = "Nội dung", align = "justify", size = b.size,
             indent_first = b.indent_first, space_before = b.space_before,
             space_after = b.space_after, line = b.line, widow_control = true }
  local headings = ctx.template.heading_list(s)
  if #headings > 0 then doc:list{ id = "Headings", levels = headings } end
  for level = 1, 3 do
    local l = s.levels[level]
    -- Word's own heading styles (id, name and outline level as Word writes them), so the
    -- Navigation Pane, a table of contents and LibreOffice's Navigator list every section
    doc:style{ id = "Heading" .. level, name = "heading " .. level, based_on = "Body",
               next = "Body", bold = l.bold, italic = l.italic, keep_next = true,
               outline_level = level, list = headings[level] and "Headings" or nil,
               list_level = headings[level] and level or nil }
  end
  local items = ctx.template.item_lists(s)
  if items.number then
    doc:list{ id = "Numbers", levels = { items.number } }
    doc:style{ id = "ListNumber", name = "Đoạn đánh số", based_on = "Body", list = "Numbers" }
  end
  if items.dash or items.plus then
    doc:list{ id = "Dashes", levels = { items.dash or items.plus, items.plus or items.dash } }
    if items.dash then
      doc:style{ id = "ListDash", name = "Gạch đầu dòng", based_on = "Body", next = "ListDash",
                 list = "Dashes", list_level = 1 }
    end
    if items.plus then
      doc:style{ id = "ListPlus", name = "Dấu cộng đầu dòng", based_on = "Body", next = "ListPlus",
                 list = "Dashes", list_level = 2 }
    end
  end
  ctx.template.element_styles(ctx)
end

-- One named paragraph style for every element of the page, so a paragraph names what it is
-- and carries direct formatting only where the decree sets it apart. Ids are ASCII (both
-- formats take them in names); the names are what Word and LibreOffice show, without commas
-- (Word reads a comma in a style name as the start of an alias).
function T.element_styles(ctx)
  local s, doc = ctx.settings, ctx.doc
  local h, t, d, m = s.header, s.title, s.decision, s.marks
  local r, g, a, tb = s.recipients, s.signature, s.appendix, s.table
  local function def(id, name, props)
    props.id, props.name = id, name
    doc:style(props)
  end
  local C = "center"
  -- the header block (ô 1–4)
  def("ParentAgency", "Cơ quan chủ quản", { align = C, size = h.parent_size })
  def("Agency", "Cơ quan ban hành", { align = C, size = h.agency_size, bold = true })
  def("Motto", "Quốc hiệu", { align = C, size = h.motto_size, bold = true })
  def("Slogan", "Tiêu ngữ", { align = C, size = h.slogan_size, bold = true })
  def("Rule", "Đường kẻ", { border_top = h.rule_width, line_exact = 2, size = 2,
                            space_before = 3, space_after = 0, indent_first = 0 })
  def("NumberLine", "Số và ký hiệu", { align = C, size = h.number_size, space_before = h.gap })
  def("PlaceDate", "Địa danh và ngày tháng", { align = C, size = h.date_size, italic = true,
                                              space_before = h.gap })
  def("Mark", "Dấu mức độ", { align = C, size = m.size, bold = true, space_before = 6,
                              indent_first = 0 })
  -- the tên loại and trích yếu (ô 5a), a decision's preamble
  def("DocType", "Tên loại văn bản", { align = C, size = t.type_size, bold = true,
                                       space_before = t.space_before, keep_next = true })
  def("Subject", "Trích yếu", { align = C, size = t.subject_size, bold = true, keep_next = true })
  def("AttachedLine", "Kèm theo văn bản", { align = C, size = d.attached_size, italic = true,
                                             keep_next = true })
  def("Authority", "Thẩm quyền ban hành", { align = C, size = d.authority_size, bold = true,
                                            space_before = 6, keep_next = true })
  def("Basis", "Căn cứ ban hành", { based_on = "Body", size = d.bases_size, italic = true })
  def("Decides", "Quyết định", { align = C, size = d.decides_size, bold = true, space_before = 6,
                                 keep_next = true })
  -- Nơi nhận (ô 9b) and the signature (ô 7)
  def("RecipientsHeading", "Nơi nhận", { align = "left", size = r.label_size, bold = true,
                                         italic = true, space_before = r.space_before })
  def("Recipient", "Nơi nhận - mục", { align = "left", size = r.size })
  def("SignerAuthority", "Quyền hạn người ký", { align = C, size = g.size, bold = true,
                                                 space_before = r.space_before })
  def("SignerTitle", "Chức vụ người ký", { align = C, size = g.size, bold = true })
  def("SignerName", "Họ tên người ký", { align = C, size = g.name_size, bold = true,
                                         space_before = g.gap })
  -- appendices and their tables
  def("AppendixHeading", "Phụ lục", { align = C, size = a.label_size, bold = true, keep_next = true })
  def("AppendixTitle", "Tên phụ lục", { align = C, size = a.title_size, bold = true, keep_next = true })
  def("AppendixSubtitle", "Tên phụ lục - dòng dưới", { align = C, size = a.subtitle_size, bold = true,
                                                      keep_next = true })
  def("AppendixAttachment", "Kèm theo phụ lục", { align = C, size = a.attachment_size, italic = true,
                                                  keep_next = true })
  def("TableHeader", "Tiêu đề bảng", { align = tb.header_align, size = tb.size, bold = tb.header_bold,
                                       space_before = tb.space, space_after = tb.space })
  def("TableText", "Nội dung bảng", { align = "left", size = tb.size,
                                      space_before = tb.space, space_after = tb.space })
  def("TableNumber", "Số thứ tự bảng", { based_on = "TableText", align = C })
  def("TableGroup", "Dòng nhóm bảng", { align = "left", size = tb.size, bold = tb.group_bold,
                                        space_before = tb.space, space_after = tb.space,
                                        keep_next = true })
  def("TableGroupNumber", "Số thứ tự dòng nhóm", { based_on = "TableGroup", align = C })
  def("Spacer", "Dòng cách", { size = 6 })
end

-- ---------------------------------------------------------------------------------------------
-- the header block (ô 1–4)

function T.header_block(ctx)
  local s, plan, doc = ctx.settings, ctx.plan, ctx.doc
  local h = s.header
  local width = doc:text_width()
  local left, right = width * h.left, width * (1 - h.left)
  local agency_width = line_width(plan.agency, h.agency_size, true, left)
  local slogan_width = line_width(h.slogan, h.slogan_size, true, right)
  local left_top = {}
  if plan.parent_agency then
    left_top[#left_top + 1] = styled("ParentAgency", kh.upper(plan.parent_agency))
  end
  left_top[#left_top + 1] = styled("Agency", kh.upper(plan.agency))
  left_top[#left_top + 1] = rule(agency_width * h.agency_rule, left)
  local right_top = {
    styled("Motto", h.motto),
    styled("Slogan", h.slogan),
    rule(slogan_width, right),
  }
  local rows = {
    { cant_split = true, cells = { { content = left_top }, { content = right_top } } },
  }
  if not ctx.attached and not ctx.without_number then
    local number_cell = { styled("NumberLine", vn.number_line(plan.number, plan.symbol)) }
    for _, p in ipairs(ctx.template.marks_block(ctx, left)) do number_cell[#number_cell + 1] = p end
    local date_cell = { styled("PlaceDate", vn.date_line(blank(plan.place) and vn.PLACE_BLANK or plan.place,
                                                         plan.date)) }
    rows[2] = { cant_split = true, cells = { { content = number_cell }, { content = date_cell } } }
  end
  ctx.template.circulation_mark(ctx)
  doc:table{ widths = { left, right }, rows = rows, borders = false, cell_margin = 0 }
end

-- A stamp: bold capitals in a single-line frame, as wide as WIDTH mm, centred in AVAILABLE mm.
-- The frame stays with the indents that size it: both are the mark's own.
local function stamp(text, size, available, width, frame, color)
  width = width or (kh.text_width(text, size, true) + 4)
  local side = math.max(0, (available - width) / 2)
  return styled("Mark", { { text = text, color = color } },
                { border = frame, indent_left = side, indent_right = side })
end

-- Ô 10a/10b: độ mật above độ khẩn, and the draft mark, under the number line.
function T.marks_block(ctx, available)
  local m, marks = ctx.settings.marks, ctx.plan.marks or {}
  local out = {}
  if marks.draft then
    local text = type(marks.draft) == "string" and kh.upper(marks.draft) or m.draft
    out[#out + 1] = stamp(text, m.size, available, nil, m.frame)
  end
  if marks.secrecy then
    out[#out + 1] = stamp(marks.secrecy, m.size, available, nil, m.frame)
  end
  if marks.urgency then
    out[#out + 1] = stamp(marks.urgency, m.size, available, m.urgency_width[marks.urgency], m.frame,
                          m.urgency_color)
  end
  return out
end

-- Ô 11: "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" above the header block, over the right half.
function T.circulation_mark(ctx)
  local marks = ctx.plan.marks or {}
  if not marks.circulation then return end
  local width = ctx.doc:text_width()
  local m = ctx.settings.marks
  local w = kh.text_width(marks.circulation, m.size, true) + 4
  local p = stamp(marks.circulation, m.size, width, w, m.frame)
  p.indent_left = width / 2 + (width / 2 - w) / 2
  p.indent_right = (width / 2 - w) / 2
  p.space_before = 0
  p.space_after = 6
  ctx.doc:paragraph(p)
end

-- ---------------------------------------------------------------------------------------------
-- the tên loại and trích yếu (ô 5a)

function T.title(ctx)
  local s, plan, doc = ctx.settings, ctx.plan, ctx.doc
  local t = s.title
  doc:paragraph(styled("DocType", kh.upper(plan.type)))
  doc:paragraph(styled("Subject", plan.subject))
  if ctx.attached then
    doc:paragraph(styled("AttachedLine", ctx.template.attached_line(ctx)))
  end
  local width = doc:text_width()
  doc:paragraph(rule(line_width(plan.subject, t.subject_size, true, width) * t.rule, width,
                     { space_after = t.space_after }))
end

-- "(Kèm theo Quyết định số 98/QĐ-SXD ngày 11 tháng 01 năm 2024 của Sở Xây dựng)": derived from
-- the document this one is issued with, so it is right whenever that number or date changes.
function T.attached_line(ctx)
  local parent = ctx.parent
  local agency = parent.agency_name or vn.sentence_case(parent.agency)
  return string.format(ctx.settings.decision.attached, vn.sentence_case(parent.type),
                       vn.number_symbol(parent.number, parent.symbol),
                       vn.date(parent.date):sub(#"ngày " + 1), agency)
end

-- A decision's preamble: the authority, the bases ("Căn cứ …;" … "Theo đề nghị của …."),
-- then "QUYẾT ĐỊNH:".
function T.decision_preamble(ctx)
  local d, plan, doc = ctx.settings.decision, ctx.plan, ctx.doc
  doc:paragraph(styled("Authority", kh.upper(plan.authority)))
  local bases = plan.bases or {}
  for i, basis in ipairs(bases) do
    local text = basis:gsub("%s+$", ""):gsub("[;.,]$", "") .. (i == #bases and "." or ";")
    doc:paragraph(styled("Basis", text))
  end
  doc:paragraph(styled("Decides", d.decides))
end

-- ---------------------------------------------------------------------------------------------
-- the body (ô 6): numbering computed here, so a plan never skips a number

function T.numberer(ctx)
  local levels, items = ctx.settings.levels, ctx.settings.items
  local state = { h = { 0, 0, 0 }, number = 0, sub = 0, letter = 0 }
  local n = {}
  function n.heading(level)
    local h = state.h
    h[level] = h[level] + 1
    for k = level + 1, 3 do h[k] = 0 end
    state.number, state.sub, state.letter = 0, 0, 0
    local l = levels[level]
    local label
    if l.style == "sub" then
      local parent = level > 1 and h[level - 1] or 0
      label = (parent > 0 and (numbering.format(levels[level - 1].style == "sub" and "arabic"
               or levels[level - 1].style, parent) .. ".") or "") .. h[level]
    else
      label = numbering.format(l.style, h[level])
    end
    return string.format(l.format, label)
  end
  function n.item(mark)
    if mark == "number" then
      state.number = state.number + 1
      state.letter = 0
      return string.format(items.number, state.number)
    elseif mark == "subnumber" then
      state.sub = state.sub + 1
      state.letter = 0
      local h = state.h
      local parent = h[2] > 0 and h[2] or (state.number > 0 and state.number or h[1])
      return string.format(items.subnumber, parent .. "." .. state.sub)
    elseif mark == "letter" then
      state.letter = state.letter + 1
      return string.format(items.letter, numbering.letter(state.letter))
    elseif mark == "article" then
      state.article = (state.article or 0) + 1
      return string.format(ctx.settings.decision.article, state.article)
    elseif mark == "dash" then
      return items.dash
    else
      return items.plus
    end
  end
  return n
end

-- Which headings and items the lists number, worked out once a document (the settings do not
-- change while it is written), not once a paragraph.
local function numbered(ctx)
  local n = ctx.numbered
  if not n then
    n = { headings = ctx.template.heading_list(ctx.settings), items = ctx.template.item_lists(ctx.settings) }
    ctx.numbered = n
  end
  return n
end

-- The style of an item that a list numbers (ListNumber, ListDash, ListPlus), or nil: it is typed.
local ITEM_STYLES = { number = "ListNumber", dash = "ListDash", plus = "ListPlus" }
local function item_style(ctx, mark)
  local style = ITEM_STYLES[mark]
  return style and numbered(ctx).items[mark] and style or nil
end

function T.body_block(ctx, block, number)
  local s = ctx.settings
  local runs = {}
  if block.kind == "heading" then
    local l = s.levels[block.level]
    -- a level a list numbers gets its number from its style; the others have it typed
    if not numbered(ctx).headings[block.level] then runs[1] = number end
    for _, r in ipairs(block.runs) do
      runs[#runs + 1] = { text = l.upper and kh.upper(r.text) or r.text, bold = r.bold or nil,
                          italic = r.italic or nil }
    end
    return { style = "Heading" .. block.level, runs = runs }
  end
  local style = block.kind == "item" and item_style(ctx, block.mark) or nil
  if number and not style then
    -- "Điều 1." is bold; other numbers take the look of the text they start
    runs[1] = block.mark == "article" and { text = number, bold = true } or number
  end
  for _, r in ipairs(block.runs) do runs[#runs + 1] = r end
  return { style = style or "Body", runs = runs }
end

function T.body(ctx)
  local blocks = kh.markup(ctx.plan.body)
  local numberer = ctx.template.numberer(ctx)
  local file = type(ctx.plan.body) == "table" and ctx.plan.body.file or "body"
  local paragraphs = {}
  local seen_heading, restart_numbers = false, true
  for _, block in ipairs(blocks) do
    -- a number that cannot be written (the 4000th "#": Roman numerals end at 3999) is an error
    -- of the body's line, not of the numbering module
    local ok, number = true, nil
    if block.kind == "heading" then ok, number = pcall(numberer.heading, block.level)
    elseif block.kind == "item" then ok, number = pcall(numberer.item, block.mark) end
    if not ok then
      error(("%s:%d: %s"):format(file, block.line, (tostring(number):gsub("^[^:]*:%d+: ", ""))), 0)
    end
    if block.kind == "heading" then
      -- a number typed before the heading (pasted from last year's Word file) is left out: the
      -- computed one is printed, with a warning when the two differ
      local first = block.runs[1]
      local typed, rest = numbering.typed(first and first.text or "")
      if typed then
        first.text = rest
        if not numbering.same(typed, number) then
          kh.warn(kh._('heading typed "%s", numbered "%s": the typed number is left out'):format(
            typed, (number or ""):gsub("%s+$", "")), ("%s:%d"):format(file, block.line))
        end
      end
    end
    local p = ctx.template.body_block(ctx, block, number)
    -- the lists start again where the numbers do: the headings in each document of a bundle,
    -- the "1." items under each heading
    if block.kind == "heading" then
      if not seen_heading and numbered(ctx).headings[block.level] then p.list_restart = true end
      seen_heading, restart_numbers = true, true
    elseif p.style == "ListNumber" then
      p.list_restart = restart_numbers or nil
      restart_numbers = false
    end
    paragraphs[#paragraphs + 1] = p
  end
  ctx.template.closing(ctx, paragraphs)
  -- the signature never stands alone on a page: the last paragraph goes with it
  local last = paragraphs[#paragraphs]
  if last then last.keep_next, last.keep_lines = true, true end
  for _, p in ipairs(paragraphs) do ctx.doc:paragraph(p) end
end

-- "./." after the last word of the body.
function T.closing(ctx, paragraphs)
  local last = paragraphs[#paragraphs]
  if last then
    local runs = last.runs
    local tail = runs[#runs]
    local text = type(tail) == "table" and tail.text or tail or ""
    -- a final full stop is part of the mark: "… như sau." + "/." reads "… như sau./."
    if text:sub(-1) == "." then
      runs[#runs + 1] = "/."
    else
      runs[#runs + 1] = ctx.settings.closing
    end
  end
end

-- ---------------------------------------------------------------------------------------------
-- Nơi nhận (ô 9b) beside the signature (ô 7)

function T.recipients_list(ctx, items)
  local r = ctx.settings.recipients
  local out = { styled("RecipientsHeading", r.label) }
  for i, item in ipairs(items) do
    -- typed as in Word ("- Sở Nội vụ;") or plain: the dash and the final mark are the template's
    local text = item:gsub("^%s*%-%s*", ""):gsub("^%s*–%s*", ""):gsub("^%s*—%s*", "")
                     :gsub("%s+$", ""):gsub("[;.,]$", "")
    text = "- " .. text .. (i == #items and "." or ";")
    out[#out + 1] = styled("Recipient", text)
  end
  return out
end

function T.signature_lines(ctx, signer)
  local out = {}
  -- the first line stands level with "Nơi nhận:" beside it, whichever line it is
  local function line(id, text)
    local p = styled(id, text)
    if #out == 0 and id ~= "SignerAuthority" then p.space_before = ctx.settings.recipients.space_before end
    out[#out + 1] = p
  end
  if signer.authority then
    line("SignerAuthority", signer.authority .. " " .. kh.upper(signer.head))
  end
  if signer.title then line("SignerTitle", kh.upper(signer.title)) end
  -- a draft may leave the name to whoever signs: the line stays, empty, under the room to sign
  line("SignerName", blank(signer.name) and "" or signer.name)
  return out
end

-- recipients a signature block holds and still fits well inside one page
local SIGNATURE_WHOLE_MAX = 25

function T.signature_block(ctx)
  local s, plan, doc = ctx.settings, ctx.plan, ctx.doc
  local width = doc:text_width()
  local left = width * s.recipients.left
  -- The block stays whole on one page while the list is short; a long list may break across
  -- pages (the signer's lines stay at the top of their cell), since a row kept whole that is
  -- taller than a page loses its last lines in Word.
  local whole = #(plan.recipients or {}) <= SIGNATURE_WHOLE_MAX
  doc:table{
    widths = { left, width - left }, borders = false, cell_margin = 0,
    rows = { { cant_split = whole or nil, cells = {
      { content = ctx.template.recipients_list(ctx, plan.recipients) },
      { content = ctx.template.signature_lines(ctx, plan.signer) },
    } } },
  }
end

-- ---------------------------------------------------------------------------------------------
-- appendices (PL I III.1; Mẫu 2.1)

function T.attachment_line(ctx)
  -- a document issued with a decision has no number of its own: its appendix names the decision
  local plan, a = ctx.parent or ctx.plan, ctx.settings.appendix
  local agency = plan.agency_name or vn.sentence_case(plan.agency)
  return string.format(a.attachment, vn.sentence_case(plan.type),
                       vn.number_symbol(plan.number, plan.symbol), vn.date(plan.date):sub(#"ngày " + 1),
                       agency)
end

function T.appendix_heading(ctx, appendix, index, count)
  local a, doc = ctx.settings.appendix, ctx.doc
  local label = a.label
  if count > 1 then label = label .. " " .. numbering.roman(index) end
  if a.upper then label = kh.upper(label) end
  doc:paragraph(styled("AppendixHeading", label))
  doc:paragraph(styled("AppendixTitle", kh.upper(appendix.title)))
  if appendix.subtitle then
    doc:paragraph(styled("AppendixSubtitle", appendix.subtitle))
  end
  if a.attachment then
    doc:paragraph(styled("AppendixAttachment", ctx.template.attachment_line(ctx)))
  end
  local width = doc:text_width()
  doc:paragraph(rule(width * a.rule, width, { space_after = a.space_after, keep_next = true }))
end

function T.table(ctx, spec)
  tables.render(ctx.doc, spec, ctx.settings.table, ctx.doc:text_width())
end

function T.appendix(ctx, appendix, index, count)
  local a = ctx.settings.appendix
  ctx.template.page_setup(ctx, appendix.orientation or a.orientation, a.number_first_page, true)
  if a.header_block then
    local c = setmetatable({ without_number = true }, { __index = ctx })
    ctx.template.header_block(c)
    ctx.doc:paragraph(styled("Spacer", {}))
  end
  ctx.template.appendix_heading(ctx, appendix, index, count)
  local list = appendix.tables or { appendix.table }
  for i, spec in ipairs(list) do
    if i > 1 then ctx.doc:paragraph(styled("Spacer", {})) end
    ctx.template.table(ctx, spec)
  end
end

-- ---------------------------------------------------------------------------------------------

-- One document: header, title, (decision preamble), body, signature; then its appendices.
function T.document(ctx)
  local template, plan = ctx.template, ctx.plan
  local appendices = plan.appendices or {}
  if ctx.part ~= "appendices" then
    template.page_setup(ctx, "portrait", ctx.settings.page_number.first_page, ctx.index > 1)
    template.header_block(ctx)
    template.title(ctx)
    if plan.authority then template.decision_preamble(ctx) end
    template.body(ctx)
    if plan.signer or plan.recipients then template.signature_block(ctx) end
  end
  if ctx.part ~= "body" then
    for i, appendix in ipairs(appendices) do
      template.appendix(ctx, appendix, i, #appendices)
    end
  end
end

function T.render(plan, doc, options)
  local template = options and options.template or T
  if rawget(template, "settings") == nil then template = T end
  local documents = plan.documents or { plan }
  local part = options and options.part or "all"
  template.styles({ plan = documents[1], doc = doc, settings = template.settings,
                    template = template, part = part })
  local any_appendix = false
  for i, document in ipairs(documents) do
    local ctx = { plan = document, doc = doc, settings = template.settings, template = template,
                  part = part, index = i, documents = documents }
    if document.attached_to then
      ctx.attached = true
      ctx.parent = documents[document.attached_to]
    end
    any_appendix = any_appendix or #(document.appendices or {}) > 0
    template.document(ctx)
  end
  if part == "appendices" and not any_appendix then
    error(kh._("the plan has no appendices to render (--part appendices)"), 0)
  end
end

return T
