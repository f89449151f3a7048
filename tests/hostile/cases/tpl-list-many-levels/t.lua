-- Ten levels: Word and ODF have nine.
return { render = function(plan, doc, options)
  doc:section{}
  local levels = {}
  for k = 1, 10 do levels[k] = { text = "%" .. math.min(k, 9) .. "." } end
  doc:list{ id = "Deep", levels = levels }
end }
