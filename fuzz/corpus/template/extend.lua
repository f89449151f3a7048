local nd30 = require("nd30")
local T = nd30.extend{
  name = "thu",
  settings = { body = { size = 13, line = 1.15 }, page = { margin_left = 35 }, appendix = { upper = true },
    levels = { [2] = { style = "letter", format = "%s) " } }, closing = "./.", font = "Times New Roman" },
}
function T.recipients_list(ctx, items)
  local list = nd30.recipients_list(ctx, items)
  for i = 2, #list do list[i].text = (list[i].text or ""):gsub(";$", " (b/c);") end
  return list
end
return T
