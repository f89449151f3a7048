-- A spec table whose fields come from __index, a new string on every lookup (the string C got
-- first is garbage by the time it is used). C reads raw and refuses a table with __index.
local n = 0
local function lying(fields)
  return setmetatable({}, { __index = function(t, k)
    n = n + 1
    local v = fields[k]
    if type(v) == "string" then return v .. (" "):rep(n % 2) .. ("x"):rep(64) end
    return v
  end })
end
return { render = function(plan, doc)
  local kind = KIND
  if kind == "settings" then doc:settings(lying{ title = "Tiêu đề", font = "Times New Roman", lang = "vi-VN" }) end
  if kind == "style" then doc:style(lying{ id = "Body", name = "Body text", based_on = "Normal", next = "Body" }) end
  if kind == "section" then doc:section(lying{ orientation = "portrait" }) else doc:section{} end
  if kind == "paragraph" then doc:paragraph(lying{ text = "Đoạn văn", style = "Body", align = "center" }) end
  if kind == "run" then doc:paragraph{ runs = { "a", lying{ text = "Chữ đậm", bold = true, color = "FF0000" } } } end
  if kind == "runs" then doc:paragraph{ runs = lying{ [1] = "Chữ" } } end
  if kind == "table" then doc:table(lying{ widths = { 50 }, source = "t.csv",
    rows = { { cells = { { content = { { text = "Ô" } } } } } } }) end
  if kind == "row" then doc:table{ widths = { 50 }, rows = { lying{ cells = { { content = { { text = "Ô" } } } } } } } end
  if kind == "cell" then doc:table{ widths = { 50 }, rows = { { cells = { lying{ content = { { text = "Ô" } }, valign = "top" } } } } } end
  if kind == "content" then doc:table{ widths = { 50 }, rows = { { cells = { { content = { lying{ text = "Ô", align = "left" } } } } } } } end
  doc:paragraph("Kết thúc")
end }
