-- binh-phuoc — practice of the Bình Phước documents on top of the decree's layout (nd30):
-- "PHỤ LỤC" in capitals, the agency and national motto block repeated at the top of each
-- appendix, and no "(Kèm theo …)" line under the appendix title.
local nd30 = require("nd30")

return nd30.extend{
  name = "binh-phuoc",
  settings = {
    appendix = { upper = true, header_block = true, attachment = false },
  },
}
