-- A small valid plan: each case in ../cases is a copy of it with one planted mistake.
return {
  template = "nd30",
  parent_agency = "UBND TỈNH ĐẮK LẮK",
  agency = "SỞ XÂY DỰNG",
  agency_name = "Sở Xây dựng",
  type = "KẾ HOẠCH",
  number = nil,
  symbol = "KH-SXD",
  place = "Đắk Lắk",
  date = "31/02/2026",
  subject = "Cải thiện và nâng cao Chỉ số cải cách hành chính năm 2026",
  body = read_text("body.txt"),
  recipients = {
    "Sở Nội vụ",
    "Các phòng, đơn vị trực thuộc Sở (t/hiện)",
    "Lưu: VT, VP",
  },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Lê Công Du" },
  appendices = {
    {
      title = "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026",
      orientation = "landscape",
      table = read_table("phu-luc.csv", {
        header_rows = 1,
        columns = {
          { width = 5, align = "center" },
          { width = 45 },
          { width = 20 },
          { width = 15, align = "center" },
        },
        stt = { column = 1, format = "n", restart = true },
      }),
    },
  },
}
