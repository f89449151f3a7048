# The warning line is capped: 200 characters of the name (2 bytes each) and the sentence.
len=$(grep -a 'unknown field' "$W/stderr" | wc -c)
[ "$len" -gt 400 ] && [ "$len" -lt 600 ] || { echo "warning line of $len bytes"; exit 1; }
