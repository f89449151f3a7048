-- Every builder method and kh function, once.
local nd30 = require("nd30")
local numbering = require("numbering")
local vn = require("vn")
return { render = function(plan, doc, options)
  doc:settings{ font = "Times New Roman", size = 14, lang = "vi-VN", title = plan.subject,
    subject = plan.subject, creator = plan.agency, description = "Kế hoạch" }
  doc:style{ id = "Body", name = "Body", based_on = nil, next = "Body", size = 14, align = "justify",
    indent_first = 12.7, space_before = 6, line = 1.0 }
  doc:style{ id = "Heading1", name = "heading 1", based_on = "Body", next = "Body", bold = true, keep_next = true }
  doc:section{ orientation = "portrait", width = 210, height = 297, margin_top = 20, margin_bottom = 20,
    margin_left = 30, margin_right = 15, header_distance = 10, page_numbers = true,
    number_first_page = false, page_start = 1, number_size = 14 }
  local w = doc:text_width()
  doc:paragraph{ style = "Heading1", text = kh.upper(plan.type) }
  for _, b in ipairs(kh.markup(plan.body)) do
    doc:paragraph{ style = "Body", runs = b.runs or kh.inline(b.text or "") }
  end
  doc:paragraph{ runs = { "Số: ", { text = numbering.roman(4), bold = true, italic = true, underline = true,
    caps = true, size = 13, color = "FF0000" }, { br = true }, { page_number = true } },
    align = "center", border = 0.5, keep_lines = true, widow_control = true, line_exact = 18 }
  doc:paragraph(kh.lower(kh.nfc(vn.sentence_case and vn.sentence_case("ĐÂY LÀ CÂU") or "câu")))
  doc:table{ widths = { w / 3, w * 2 / 3 }, borders = true, source = "t.csv", rows = {
    { header = true, cant_split = true, cells = { { content = { { text = "STT", bold = true } } },
      { content = { { text = "Nhiệm vụ" } }, valign = "center" } } },
    { cells = { { content = { { text = "1" } }, rowspan = 2 }, { content = { { text = "Ban hành" } } } } },
    { cells = { { content = { { text = "Kiểm tra" } }, column = 2 } } },
    { cells = { { content = { { text = "Cộng" } }, colspan = 2 } } } } }
  doc:paragraph(string.format("%.1f mm", kh.text_width("Lê Công Du", 14, true, false)))
  kh.warn(kh.where() .. "every call made")
end }
