-- A thread, a function or a table with __tostring where text is expected, in nested fields.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local v = ({ thread = coroutine.create(function() end), ["function"] = function() return "x" end,
  tostring = setmetatable({}, { __tostring = function() return "GIÁM ĐỐC" end }) })[KIND]
FIELD
return p
