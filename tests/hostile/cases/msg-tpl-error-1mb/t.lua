return { render = function(plan, doc)
  doc:section{}
  error(("ỗ"):rep(350000))
end }
