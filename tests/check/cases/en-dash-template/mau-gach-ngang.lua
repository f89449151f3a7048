-- A province template that writes the motto with en dashes (wrong: nd30 §3).
local nd30 = require("nd30")

return nd30.extend{
  settings = { header = { slogan = "Độc lập – Tự do – Hạnh phúc" } },
}
