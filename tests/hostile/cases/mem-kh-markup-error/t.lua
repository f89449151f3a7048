-- kh.markup of a 400 KB text whose bold never closes, 150 times inside pcall: each call fails after
-- C has parsed most of the text. Then the plan renders with nd30.
local nd30 = require("nd30")
return nd30.extend{ render = function(plan, doc, options)
  local bad = ("Chữ *nghiêng* và chữ thường "):rep(14000) .. "**không đóng"
  for i = 1, 150 do pcall(kh.markup, bad) end
  return nd30.render(plan, doc, options)
end }
