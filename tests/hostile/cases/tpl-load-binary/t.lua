-- string.dump is gone: a binary chunk crafted by hand (a Lua 5.4 header and some bytes).
local header = "\27Lua\x54\0\x19\x93\r\n\x1a\n\4\8\8\x78\x56\0\0\0\0\0\0\0\0\0\0\0\0\x28\x77\x40"
local f, e = load(header .. string.rep("\0", 64))
if f then f() end
error("refused: " .. tostring(e))
