local s = string.rep("x", 10e9)
