-- documents[1].type comes from __index once, then nil.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local function flip(field, value)
  local asked = 0
  return { __index = function(t, k)
    if k == field then asked = asked + 1; if asked == 1 then return value end end
  end }
end
p = { agency = p.agency, place = p.place, documents = {
  setmetatable({ symbol = "KH-SXD", date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.",
    recipients = { "Lưu: VT" }, signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }, flip("type", "KẾ HOẠCH")) } }
return p
