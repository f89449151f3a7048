-- kehoach check keeps a copy of every file the plan reads (to point at lines): a plan reading a
-- 64 MB text 20 times must not make it hold 1.3 GB.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
for i = 1, 20 do read_text("big.txt") end
return p
