-- without collectgarbage: a chain of tables that is never garbage
local t = {}
while true do t = { t, "rác" } end
