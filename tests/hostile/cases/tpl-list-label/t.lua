-- A list level whose label skips a level ("%1.%3."): Word and ODF show consecutive levels only.
return { render = function(plan, doc, options)
  doc:section{}
  doc:list{ id = "Headings", levels = { { text = "%1." }, { text = "%2." }, { text = "%1.%3." } } }
  doc:paragraph{ text = "x" }
end }
