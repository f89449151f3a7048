-- A 0.5 MB CSV whose last field never closes its quote, read 100 times inside pcall.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
for i = 1, 100 do pcall(read_table, "bad.csv", { header_rows = 1 }) end
return p
