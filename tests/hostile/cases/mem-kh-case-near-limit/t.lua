-- kh.upper, kh.lower or kh.nfc of a 1 MB string with the Lua heap full, 60 times inside pcall:
-- each fails when its result is pushed, after C has made it. Then the heap is freed and nd30
-- renders.
local nd30 = require("nd30")
return nd30.extend{ render = function(plan, doc, options)
  local s = ("Hoàn thành nhiệm vụ "):rep(5e4)
  local keep = {}
  for _, size in ipairs{ 1e6, 1e4, 100, 1 } do
    pcall(function() while true do keep[#keep + 1] = string.rep("x", size) .. #keep end end)
  end
  for i = 1, 60 do pcall(kh.FN, s) end
  keep = nil
  return nd30.render(plan, doc, options)
end }
