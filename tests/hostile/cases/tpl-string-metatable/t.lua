-- the string metatable is locked: getmetatable("") is false
getmetatable("").__index = { upper = function() return "pwned" end }
