# A 50 MB subject, written in the file.
{ printf 'return { agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",\n'
  printf '  date = "2026-06-15", body = "Nội dung.", recipients = { "Lưu: VT" },\n'
  printf '  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" },\n  subject = "'
  head -c 50000000 /dev/zero | tr '\0' 'x'
  printf '" }\n'; } > plan.lua
