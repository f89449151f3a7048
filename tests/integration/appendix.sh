#!/usr/bin/env bash
# Appendices as a reader sees them in LibreOffice's PDF of the Tuyên Quang plan: every cell of the
# seed's tables, landscape pages of 842 × 595 pt, the table header again at the top of every page
# a table runs onto, and the "(Kèm theo …)" line under each appendix title.
# Usage: tests/integration/appendix.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: appendix.sh BIN}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }

for fmt in docx odt; do
  doc="$TMP/tq.$fmt"
  "$BIN" render examples/tuyen-quang-2026 -o "$doc" || { not_ok "$fmt: render"; continue; }
  if out=$(tests/lib/validate-output.sh "$doc" 2>&1); then ok "$fmt: well-formed XML in NFC, valid against the schemas"
  else not_ok "$fmt: well-formed XML in NFC, valid against the schemas"; sed 's/^/#   /' <<<"$out" | head -10; fi
  soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$TMP" "$doc" >/dev/null 2>&1
  pdf="$TMP/tq.pdf"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

  # every cell of the three tables, each line of a cell, in the PDF's text
  missing=$(/usr/bin/python3 - "$pdf" examples/tuyen-quang-2026/phu-luc-*.csv <<'PY'
import csv, re, subprocess, sys
fold = lambda s: " ".join(s.split())
text = fold(subprocess.run(["pdftotext", "-raw", sys.argv[1], "-"], capture_output=True, text=True).stdout)
missing = 0
for path in sys.argv[2:]:
    for row in csv.reader(open(path, encoding="utf-8")):
        for cell in row:
            if cell in ("<", "^", ""):
                continue
            cell = re.sub(r"^#+", "", cell).replace("**", "").replace("*", "")
            for line in cell.split("\n"):
                if fold(line) and fold(line) not in text:
                    print(f"  {path}: {fold(line)[:70]}", file=sys.stderr)
                    missing += 1
print(missing)
PY
)
  if [ "$missing" = 0 ]; then ok "$fmt: every cell of the seed's appendix tables is in the PDF"
  else not_ok "$fmt: $missing cell lines missing from the PDF"; fi

  landscape=0 wrong=0 repeated=0 continued=0 attach=0 headings=0
  for ((p = 1; p <= pages; p++)); do
    size=$(pdfinfo -f $p -l $p "$pdf" | awk '/^Page.*size:/ {printf "%.0f x %.0f", $4, $6}')
    [ "$size" = "842 x 595" ] || continue
    landscape=$((landscape + 1))
    page=$(pdftotext -raw -f $p -l $p "$pdf" - | grep -v '^[[:space:]]*$')
    first=$(grep -v '^[0-9]*$' <<<"$page" | head -1)
    if grep -qi '^PHỤ LỤC' <<<"$first"; then
      headings=$((headings + 1))
      # the title, then the line "(Kèm theo Kế hoạch số …)" under it
      sed -n '2,4p' <<<"$page" | grep -q '^(Kèm theo Kế hoạch số' && attach=$((attach + 1))
    else
      continued=$((continued + 1))
      grep -q '^STT' <<<"$first" && repeated=$((repeated + 1))
    fi
  done
  [ "$landscape" -ge 3 ] && ok "$fmt: $landscape landscape pages of 842 × 595 pt" || not_ok "$fmt: landscape pages: $landscape"
  [ "$headings" -eq 3 ] && ok "$fmt: three appendices, each starting a landscape page" || not_ok "$fmt: appendix headings: $headings"
  [ "$attach" -eq 3 ] && ok "$fmt: the (Kèm theo …) line under each appendix title" || not_ok "$fmt: (Kèm theo …) lines: $attach of 3"
  if [ "$continued" -ge 1 ] && [ "$repeated" -eq "$continued" ]; then
    ok "$fmt: the header row again at the top of each of the $continued pages a table runs onto"
  else
    not_ok "$fmt: header repeated on $repeated of $continued continuation pages"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
