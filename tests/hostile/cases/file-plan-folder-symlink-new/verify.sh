grep -q 'date = "2027-06"' "$OUT/plan.lua" || { echo "new plan.lua lacks the 2027 date"; exit 1; }
cmp -s "$OUT/body.txt" "$W/real-plan/body.txt" || grep -q 2027 "$OUT/body.txt" || { echo "body.txt not copied"; exit 1; }
