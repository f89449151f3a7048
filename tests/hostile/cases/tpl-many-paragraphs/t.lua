-- the document model lives in C: what a template writes counts against the budget too
return { render = function(plan, doc)
  doc:section{}
  for i = 1, 1e9 do doc:paragraph("Đoạn văn số " .. i) end
end }
