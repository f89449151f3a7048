-- doc:settings with an 8 MB title, subject, creator and description, again and again.
return { render = function(plan, doc)
  local s = ("Kế hoạch "):rep(8e5)
  for i = 1, 50 do doc:settings{ title = s, subject = s, creator = s, description = s } end
  doc:section{}
  doc:paragraph("x")
end }
