-- Quyết định ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Xây dựng tỉnh Bình Phước, kèm Kế hoạch và Phụ lục
return {
  template = "binh-phuoc",
  -- fields shared by every document below
  parent_agency = "UBND TỈNH BÌNH PHƯỚC",   -- cơ quan chủ quản
  agency = "SỞ XÂY DỰNG",                   -- cơ quan ban hành
  agency_name = "Sở Xây dựng",              -- tên cơ quan như viết trong văn bản
  place = "Bình Phước",
  documents = {
    {                                   -- the decision (Mẫu 1.3)
      type = "QUYẾT ĐỊNH",
      number = 98, symbol = "QĐ-SXD", date = "2024-01-11",
      subject = "Ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Xây dựng",
      authority = "GIÁM ĐỐC SỞ XÂY DỰNG",   -- thẩm quyền ban hành
      bases = {                              -- căn cứ, in order, WITHOUT the final ";" "," or "." (the renderer punctuates)
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
        "Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
        -- "Ban hành" viết hoa giữa câu, giữ đúng như bản gốc
        "Căn cứ Quyết định số 34/2020/QĐ-UBND ngày 29/12/2020 của UBND tỉnh Ban hành quy định trách nhiệm của người đứng đầu cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ cải cách hành chính trên địa bàn tỉnh",
        "Căn cứ Quyết định số 25/2022/QĐ-UBND ngày 28/12/2022 của UBND tỉnh sửa đổi, bổ sung một số điều của quy định trách nhiệm của người đứng đầu cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ cải cách hành chính trên địa bàn tỉnh Bình Phước ban hành kèm theo quyết định số 34/2020/QĐ-UBND ngày 29/12/2020 của UBND tỉnh",
        "Căn cứ Quyết định số 2685/QĐ-UBND ngày 18/10/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025 trên địa bàn tỉnh",
        "Căn cứ Kế hoạch số 3179/KH-SXD ngày 03/01/2021 của Sở Xây dựng kế hoạch cải cách hành chính giai đoạn 2021-2025",
        "Căn cứ Quyết định số 2142/QĐ-UBND ngày 29/12/2023 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2024 trên địa bàn tỉnh",
        "Theo đề nghị của Chánh Văn phòng Sở Xây dựng",
      },
      body = read_text("quyet-dinh.txt"),
      recipients = { "Sở Nội vụ", "Ban Giám đốc Sở", "Các phòng CM, ĐV trực thuộc Sở", "Lưu VT" },   -- as in the seed, without "- " and trailing ";" "."
      signer = { title = "GIÁM ĐỐC", name = "Võ Tất Dũng" },
    },
    {                                   -- the plan it promulgates: no number, no date of its own
      type = "KẾ HOẠCH",
      attached_to = 1,                  -- issued with documents[1]
      authorty = "GIÁM ĐỐC SỞ XÂY DỰNG",
      subject = "Cải cách hành chính năm 2024 của Sở Xây dựng",
      body = read_text("ke-hoach.txt"),
      appendices = {
        {
          -- nhóm I–VII; STT 1 … 30 liên tục qua các nhóm; cột "Ghi chú" để trống ở mọi dòng
          title = "CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
          subtitle = nil,
          orientation = "landscape",
          table = read_table("phu-luc.csv", {
            header_rows = 1,
            columns = {
              { width = 5, align = "center" },   -- STT
              { width = 45 },                    -- Nội dung, nhiệm vụ
              { width = 16 },                    -- Đơn vị chủ trì
              { width = 15 },                    -- Đơn vị phối hợp
              { width = 11, align = "center" },  -- Thời gian hoàn thành
              { width = 8 },                     -- Ghi chú
            },
            stt = { column = 1, format = "n", restart = false },
          }),
        },
      },
    },
  },
}
