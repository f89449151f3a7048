-- the usual trick: a placeholder __gc at setmetatable time, the function set afterwards
local mt = { __gc = false }
setmetatable({}, mt)
mt.__gc = function() while true do end end
