-- Specs in odd shapes: metatables, NUL bytes, NFD, coroutines, errors caught by pcall.
local spec = setmetatable({}, { __index = function(t, k) if k == "text" then return "x" end end })
return { render = function(plan, doc)
  doc:section{}
  pcall(doc.paragraph, doc, spec)
  pcall(doc.paragraph, doc, { text = "a\0b" })
  pcall(doc.style, doc, { id = "X", name = "Ke\u{0302}\u{0301}" })
  pcall(doc.settings, doc, { title = coroutine.create(function() end) })
  pcall(doc.table, doc, { widths = { 50 }, rows = { { cells = { { colspan = 3 } } } } })
  pcall(kh.markup, "**không đóng")
  doc:paragraph{ runs = setmetatable({ "a", "b" }, { __len = function() return 100 end }) }
end }
