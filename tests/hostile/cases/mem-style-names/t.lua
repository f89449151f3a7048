-- 300 styles, each with a 1 MB name: the names are held by the document model, outside the Lua
-- heap, and must be charged byte for byte.
return { render = function(plan, doc)
  local name = ("Tên kiểu "):rep(1e5)
  for i = 1, 300 do doc:style{ id = "S" .. i, name = name .. i } end
  doc:section{}
  doc:paragraph("x")
end }
