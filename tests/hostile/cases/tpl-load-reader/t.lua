-- a reader function could hand over bytecode piece by piece
local done; load(function() if done then return nil end done = true return "\27Lua" end)
