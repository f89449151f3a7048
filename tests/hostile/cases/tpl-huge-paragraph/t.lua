return { render = function(plan, doc)
  doc:section{}
  local s = ("x"):rep(20e6)
  for i = 1, 100 do doc:paragraph{ text = s } end
end }
