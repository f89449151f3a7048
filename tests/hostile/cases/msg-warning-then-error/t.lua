kh.warn("x\nkehoach: t.lua:1: fine\n")
return { render = function(plan, doc) error("boom") end }
