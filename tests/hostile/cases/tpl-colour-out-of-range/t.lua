-- A run whose colour is seven hex digits.
return { render = function(plan, doc, options)
  doc:section{}
  doc:paragraph{ runs = { "đen ", { text = "xám", color = "FFFFFF8" } } }
end }
