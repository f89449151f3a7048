return load("\27Lua", "x", "b")
