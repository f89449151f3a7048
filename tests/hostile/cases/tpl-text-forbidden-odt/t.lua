-- A string with a character a document may not hold, in each text field a template can pass.
local bad = "Kế" .. BAD .. "hoạch"
return { render = function(plan, doc)
  FIELD
  doc:section{}
  doc:paragraph("Kết thúc")
end }
