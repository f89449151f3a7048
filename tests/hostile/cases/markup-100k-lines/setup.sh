# One "# Mục" heading, then 100,000 lines cycling through every other marker.
awk 'BEGIN {
  print "# Mục lớn"
  split("## Mục con|### Mục nhỏ|1. Đoạn số|1.1. Đoạn số con|a) Đoạn chữ|- Gạch đầu dòng|+ Dấu cộng", m, "|")
  for (i = 0; i < 100000; i++) print m[i % 7 + 1] " " i
}' > body.txt
# The body names its appendix, as a plan ready to render must.
printf "\nChi tiết tại Phụ lục kèm theo.\n" >> body.txt
