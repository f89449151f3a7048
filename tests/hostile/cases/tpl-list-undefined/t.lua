-- A heading style that names a list no doc:list defined (a typo: "Heading" for "Headings").
return { render = function(plan, doc, options)
  doc:section{}
  doc:list{ id = "Headings", levels = { { text = "%1." } } }
  doc:style{ id = "Heading1", name = "heading 1", list = "Heading", outline_level = 1 }
  doc:paragraph{ style = "Heading1", text = "MỤC TIÊU" }
end }
