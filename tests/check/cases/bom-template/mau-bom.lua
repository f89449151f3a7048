-- A province template saved by Notepad with a byte-order mark.
local nd30 = require("nd30")

return nd30.extend{}
