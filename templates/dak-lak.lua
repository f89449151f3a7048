-- dak-lak — practice of the Đắk Lắk plans on top of the decree's layout (nd30):
-- the appendix heading in capitals ("PHỤ LỤC"), as the province's plans write it.
local nd30 = require("nd30")

return nd30.extend{
  name = "dak-lak",
  settings = {
    appendix = { upper = true },
  },
}
