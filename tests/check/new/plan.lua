-- A plan for 2024 with one sentence of each kind `kehoach new` must tell apart: cited titles,
-- past results, the plan's own periods and deadlines, cited dates. run.sh compares what
-- `kehoach new --year 2025 --dry-run` lists with the file `changes`.
return {
  template = "nd30",
  parent_agency = "UBND TỈNH ĐẮK LẮK",
  agency = "SỞ XÂY DỰNG",
  agency_name = "Sở Xây dựng",
  type = "KẾ HOẠCH",
  number = 12,
  symbol = "KH-SXD",
  place = "Đắk Lắk",
  date = "2024-02-29",
  subject = "Cải cách hành chính năm 2024",
  body = read_text("body.txt"),
  recipients = { "Sở Nội vụ", "Lưu: VT, VP" },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Lê Công Du" },
  appendices = {
    {
      title = "NHIỆM VỤ NĂM 2024",
      table = read_table("bang.csv", {
        header_rows = 1,
        columns = { { width = 5, align = "center" }, { width = 60 }, { width = 25 }, { width = 25 } },
      }),
    },
  },
}
