-- doc:table with 200 rows of 1 KB cells and a last row that does not fit the grid, 1000 times
-- inside pcall: each call fails after C has read every row. Then nd30 renders.
local nd30 = require("nd30")
return nd30.extend{ render = function(plan, doc, options)
  local text = ("Ô bảng "):rep(120)
  local rows = {}
  for i = 1, 200 do rows[i] = { cells = { { content = { { text = text .. i } } }, { content = { { text = text } } } } } end
  rows[201] = { cells = { { colspan = 5, content = { { text = "x" } } } } }
  doc:section{}
  for i = 1, 1000 do pcall(doc.table, doc, { widths = { 60, 60 }, rows = rows }) end
  for i = 1, 1000 do pcall(doc.paragraph, doc, { runs = { text, text, text, text, { text = text, size = "big" } } }) end
  return nd30.render(plan, doc, options)
end }
