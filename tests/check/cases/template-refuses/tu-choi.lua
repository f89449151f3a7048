-- A province's template that refuses a plan while it renders (its own rule): check reports the
-- refusal as render would, and render refuses with it.
local nd30 = require("nd30")

local T = nd30.extend{ name = "tu-choi" }
local render = T.render
function T.render(plan, doc, options)
  if not plan.parent_agency:find("TỈNH TUYÊN QUANG", 1, true) then
    error("this template is for the plans of Tuyên Quang: choose another template")
  end
  return render(plan, doc, options)
end
return T
