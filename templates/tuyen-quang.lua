-- tuyen-quang — practice of the Tuyên Quang plans on top of the decree's layout (nd30):
-- "PHỤ LỤC" in capitals; the recipients keep their "(b/c)", "(t/h)" notes as the plan writes them.
local nd30 = require("nd30")

return nd30.extend{
  name = "tuyen-quang",
  settings = {
    appendix = { upper = true },
  },
}
