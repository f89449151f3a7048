-- Kế hoạch duy trì, cải thiện và nâng cao Chỉ số PAR INDEX, PAPI, SIPAS giai đoạn 2026-2030 của Sở Xây dựng tỉnh Tuyên Quang (dự thảo)
return {
  template = "tuyen-quang",                 -- mẫu của tỉnh (templates/tuyen-quang.lua)
  parent_agency = "UBND TỈNH TUYÊN QUANG",   -- cơ quan chủ quản (bản trích xuất mất phần đầu văn bản)
  agency = "SỞ XÂY DỰNG",                    -- cơ quan ban hành
  agency_name = "Sở Xây dựng",               -- tên cơ quan như viết trong văn bản
  type = "KẾ HOẠCH",
  number = nil,                              -- dự thảo: chưa có số
  symbol = "KH-SXD",
  place = "Tuyên Quang",
  date = "2026-01",                          -- "ngày tháng 01 năm 2026": ngày để trống
  subject = "Duy trì, cải thiện và nâng cao kết quả Chỉ số cải cách hành chính (PARINDEX), Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) giai đoạn 2026-2030",
  body = read_text("body.txt"),
  recipients = {                             -- nơi nhận, theo thứ tự trong văn bản
    "UBND tỉnh (b/c)",
    "Sở Nội vụ",
    "Giám đốc Sở",
    "PGĐ Sở",
    "Các phòng, ban, đơn vị (t/h)",
    "Lưu: VP, VT",
  },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Trần Văn Sang" },
  appendices = {
    {
      -- Phụ lục I: Chỉ số PAR INDEX; nhóm I–VIII, STT đánh lại từ 1 trong mỗi nhóm
      title = "NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ PAR INDEX GIAI ĐOẠN 2026-2030",
      subtitle = nil,
      orientation = "landscape",
      table = read_table("phu-luc-1.csv", {
        header_rows = 2,                     -- hàng tiêu đề hai tầng, ô "Nội dung, nhiệm vụ và giải pháp" gộp 4 cột
        columns = {
          { width = 5, align = "center" },   -- STT
          { width = 22 },                    -- Tiêu chí, thành phần
          { width = 38 },                    -- Nội dung, nhiệm vụ và giải pháp
          { width = 13 },                    -- Chủ trì
          { width = 13 },                    -- Phối hợp
          { width = 10, align = "center" },  -- Thời gian
        },
        stt = { column = 1, format = "n", restart = true },
      }),
    },
    {
      -- Phụ lục II: Chỉ số PAPI; nhóm 1–8, dòng đánh số 1.1, 2.1, 4.2 …
      title = "NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ PAPI GIAI ĐOẠN 2026-2030",
      subtitle = nil,
      orientation = "landscape",
      table = read_table("phu-luc-2.csv", {
        header_rows = 1,
        columns = {
          { width = 6, align = "center" },   -- STT
          { width = 50 },                    -- Nhiệm vụ
          { width = 16 },                    -- Cơ quan chủ trì
          { width = 16 },                    -- Cơ quan, đơn vị phối hợp thực hiện
          { width = 12, align = "center" },  -- Thời gian thực hiện
        },
        stt = { column = 1, format = "group.n", restart = true },   -- số nhóm + số thứ tự trong nhóm
      }),
    },
    {
      -- Phụ lục III: Chỉ số SIPAS; nhóm A, B chứa nhóm con I, II …; STT 1 … 10 liên tục qua các nhóm
      -- "GIẢI ĐOẠN" giữ đúng như bản gốc
      title = "NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ SIPAS GIẢI ĐOẠN 2026-2030",
      subtitle = nil,
      orientation = "landscape",
      table = read_table("phu-luc-3.csv", {
        header_rows = 1,
        columns = {
          { width = 5, align = "center" },   -- STT
          { width = 42 },                    -- Nhiệm vụ
          { width = 14 },                    -- Cơ quan chủ trì
          { width = 14 },                    -- Cơ quan phối hợp thực hiện
          { width = 14 },                    -- Sản phẩm/kết quả công việc
          { width = 11, align = "center" },  -- Thời gian hoàn thành
        },
        stt = { column = 1, format = "n", restart = false },
      }),
    },
  },
}
