local deep = {}
local t = deep
for _ = 1, 10000 do t.x = {} t = t.x end
return {
  agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk", date = "2026-06-15",
  subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du", x = deep },
}
