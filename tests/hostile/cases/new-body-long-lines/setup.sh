# body.txt: three long paragraphs and a deadline; the plan's year is 2026
{
  printf 'Có Phụ lục kèm theo.\n\n'
  for _ in $(seq 20000); do printf 'Thực hiện Kế hoạch số 5/KH-UBND về việc năm 2026 '; done; printf '\n\n'
  for _ in $(seq 40000); do printf 'Năm 2025 đạt '; done; printf '\n\n'
  for _ in $(seq 3); do
    for _ in $(seq 30); do printf 'Năm 2025 đạt\n'; done
    head -c 1000000 /dev/zero | tr '\0' x; printf '\n\n'
  done
  printf -- '- Trước ngày 31/12/2026 báo cáo.\n'
} >body.txt
