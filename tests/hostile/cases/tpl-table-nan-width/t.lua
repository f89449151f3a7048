-- 0/0 is NaN: every comparison with it is false, so "w <= 0 or w > 2000" let it through
return { render = function(plan, doc)
  doc:section{}
  doc:table{ widths = { 0/0, 20 }, rows = { { cells = { { content = { "a" } }, { content = { "b" } } } } } }
end }
