-- Kế hoạch cải thiện và nâng cao Chỉ số PAR INDEX, SIPAS năm 2026 của Sở Xây dựng tỉnh Đắk Lắk (dự thảo)
return {
  template = "dak-lak",                 -- mẫu của tỉnh (templates/dak-lak.lua)
  parent_agency = "UBND TỈNH ĐẮK LẮK",   -- cơ quan chủ quản (bản trích xuất mất phần đầu văn bản)
  agency = "SỞ XÂY DỰNG",                -- cơ quan ban hành
  agency_name = "Sở Xây dựng",           -- tên cơ quan như viết trong văn bản
  type = "KẾ HOẠCH",
  number = nil,                          -- dự thảo: chưa có số
  symbol = "KH-SXD",
  place = "Đắk Lắk",
  date = "2026-06",                      -- "ngày tháng 6 năm 2026": ngày để trống
  subject = "Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) tỉnh Đắk Lắk năm 2026 của Sở Xây dựng",
  body = read_text("body.txt"),
  recipients = {                         -- nơi nhận, theo thứ tự trong văn bản
    "Sở Nội vụ",
    "GD, các PGD Sở",
    "Các phòng, ban, đơn vị trực thuộc Sở (t/hiện)",
    "Trang thông tin điện tử của Sở (đăng tải)",
    "Lưu: VT, VP (Tr)",
  },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Lê Công Du" },
  appendices = {
    {
      -- "RỎ" (thay vì "RÕ") giữ đúng như bản gốc
      title = 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX), CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC (SIPAS) NĂM 2026 (THEO NGUYÊN TẮC "06 RỎ")',
      subtitle = nil,
      orientation = "landscape",
      table = read_table("phu-luc.csv", {
        header_rows = 1,
        columns = {
          { width = 5, align = "center" },   -- STT
          { width = 33 },                    -- Nhiệm vụ
          { width = 15 },                    -- Chủ trì
          { width = 14 },                    -- Phối hợp
          { width = 11, align = "center" },  -- Thời gian
          { width = 22 },                    -- Sản phẩm/Kết quả
        },
        stt = { column = 1, format = "n", restart = true },   -- 1 … 35, không có nhóm
      }),
    },
  },
}
