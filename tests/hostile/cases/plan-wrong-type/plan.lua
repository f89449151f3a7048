-- The hostile corpus's valid plan: each case in ../cases overlays its own files on a copy of it.
return {
  agency = 42,
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
      table = read_table("t.csv", { header_rows = 1, stt = { column = 1, format = "n" } }),
    },
  },
}
