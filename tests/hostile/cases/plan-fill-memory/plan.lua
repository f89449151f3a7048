local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local keep = {}
p.signer.keep = keep
for _, size in ipairs{ 1e6, 1e4, 100, 1 } do
  pcall(function() while true do keep[#keep + 1] = string.rep("x", size) .. #keep end end)
end
return p
