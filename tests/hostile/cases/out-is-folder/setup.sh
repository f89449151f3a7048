mkdir -p "$OUT"
