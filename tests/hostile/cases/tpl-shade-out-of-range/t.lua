-- A header cell shaded 150 percent.
return { render = function(plan, doc, options)
  doc:section{}
  doc:table{ widths = { 40, 40 }, rows = {
    { header = true, cells = { { shade = 15, content = { { text = "STT" } } }, { shade = 150, content = { { text = "Nội dung" } } } } },
  } }
end }
