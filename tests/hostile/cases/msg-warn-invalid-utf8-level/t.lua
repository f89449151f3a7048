local function helper(msg) kh.warn(msg, 2) end
local t = require("nd30")
local c = {} for i = 1, 16 do c[#c + 1] = string.char(i) end
helper("\xff\xfe\xc3( " .. table.concat(c) .. "\31\127")
return t
