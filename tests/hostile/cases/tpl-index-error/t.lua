-- looking up render runs the template's __index: an error there is an error, never a panic
return setmetatable({}, { __index = function(t, k) error("boom") end })
