error("x\nkehoach: warning: t.lua:1: fine\n\27[1A\27[2K")
