-- The hostile corpus's valid plan: each case in ../cases overlays its own files on a copy of it.
return {
  agency = "SỞ XÂY DỰNG",
  agency_name = "Sở Xây dựng",
  type = "KẾ HOẠCH",
  symbol = "KH-SXD",
  place = "Đắk Lắk",
  date = "2026-06-15",
  subject = "Cải thiện Chỉ số cải cách hành chính năm 2026",
  body = read_text("body.txt"),
  recipients = { "Sở Nội vụ", "Lưu: VT, VP" },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Lê Công Du" },
  appendices = {
    {
      title = "PHÂN CÔNG NHIỆM VỤ",
      -- a row that holds itself (a row's cells are read by their numbers only)
      table = (function()
        local t = read_table("t.csv", { header_rows = 1, stt = { column = 1, format = "n" } })
        t.rows[2].self = t.rows[2]
        return t
      end)(),
    },
  },
}
