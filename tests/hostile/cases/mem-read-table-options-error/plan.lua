-- read_table's options table raises an error on every lookup; the plan calls it 300 times inside
-- pcall on a 0.5 MB CSV. Nothing of a failed call may stay behind.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local opts = setmetatable({}, { __index = function(t, k) error("no option " .. tostring(k)) end })
for i = 1, 150 do pcall(read_table, "big.csv", opts) end
local bad = { header_rows = 1, stt = setmetatable({}, { __index = function() error("no") end }) }
for i = 1, 150 do pcall(read_table, "big.csv", bad) end
return p
