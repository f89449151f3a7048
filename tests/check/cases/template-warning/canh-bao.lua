-- A province's template that warns while it renders: the warning is one of check's findings.
local nd30 = require("nd30")

local T = nd30.extend{ name = "canh-bao" }
local render = T.render
function T.render(plan, doc, options)
  kh.warn("the signer's title is printed in capitals")
  return render(plan, doc, options)
end
return T
