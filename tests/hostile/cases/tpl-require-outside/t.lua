-- ../x.lua exists beside the plan's folder
require("../x")
