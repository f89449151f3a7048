local t = read_text("body.txt")
getmetatable(t).__gc = function() while true do end end
local t2 = read_text("body.txt")
return nil
