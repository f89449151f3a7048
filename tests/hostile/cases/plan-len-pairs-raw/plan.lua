-- Lists whose __len and __pairs lie: a raw read sees what the lists hold, and nothing runs.
local p = { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Kế hoạch", body = "Nội dung.", recipients = { "Lưu: VT" },
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } }
local liar = { __len = function() return 1e9 end, __pairs = function() error("pairs") end,
               __tostring = function() return "Sở Tài chính" end, __concat = function() return "x" end }
p.recipients = setmetatable({ "Sở Nội vụ", "Lưu: VT, VP" }, liar)
p.signer = setmetatable({ title = "GIÁM ĐỐC", name = "Lê Công Du" }, { __pairs = function() error("pairs") end })
return p
