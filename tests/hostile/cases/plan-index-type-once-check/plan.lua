-- 'type' comes from __index the first time it is asked for, then never again: whoever reads it
-- twice gets two answers. C reads the plan's own fields only, and refuses a table with __index.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
p.type = nil
local asked = 0
return setmetatable(p, { __index = function(t, k)
  if k == "type" then asked = asked + 1; if asked == 1 then return "KẾ HOẠCH" end end
end })
