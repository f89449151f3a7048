# the cited title and the past results kept, the deadline moved
set -e
[[ $(grep -o 'về việc năm 2026' "$OUT/body.txt" | wc -l) == 20000 ]]
[[ $(grep -o 'Năm 2025 đạt' "$OUT/body.txt" | wc -l) == 40090 ]]
grep -q '^- Trước ngày 31/12/2027 báo cáo\.$' "$OUT/body.txt"
