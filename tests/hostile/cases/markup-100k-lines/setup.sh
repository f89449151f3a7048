# One "# Mục" heading, then 100,000 lines cycling through every other marker.
awk 'BEGIN {
  print "# Mục lớn"
  split("## Mục con|### Mục nhỏ|1. Đoạn số|1.1. Đoạn số con|a) Đoạn chữ|- Gạch đầu dòng|+ Dấu cộng", m, "|")
  for (i = 0; i < 100000; i++) print m[i % 7 + 1] " " i
}' > body.txt
