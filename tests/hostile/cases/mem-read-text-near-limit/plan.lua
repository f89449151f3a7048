-- The Lua heap filled to the last few bytes, then read_text of a 4 MB file 60 times inside pcall:
-- every call fails for want of memory, and must leave nothing behind. Then the heap is freed
-- and the plan returned.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local keep = {}
for _, size in ipairs{ 1e6, 1e4, 100, 1 } do
  pcall(function() while true do keep[#keep + 1] = string.rep("x", size) .. #keep end end)
end
for i = 1, 60 do pcall(read_text, "big.txt") end
keep = nil
return p
