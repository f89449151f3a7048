#!/usr/bin/env bash
# Named styles and the font table: every example, in DOCX and ODT, sets each element of the page
# on its own named style (Vietnamese names in Word's and LibreOffice's lists), carries almost no
# direct formatting, and lists the template's font in the font table, the docDefaults and the
# font-face-decls — also for a template that changes the font (tests/lib/check_styles.py).
# Usage: tests/integration/styles.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: styles.sh BIN}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
# check DESCRIPTION COMMAND…: ok when the command succeeds; its output is shown when it does not.
check() {
  local what=$1 out; shift
  if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what"; sed 's/^/#   /' <<<"$out" | head -15; fi
}

docs=()
for ex in dak-lak-2026 tuyen-quang-2026 binh-phuoc-2024; do
  for fmt in docx odt; do
    "$BIN" render "examples/$ex" -o "$TMP/$ex.$fmt" || { not_ok "$ex.$fmt: render"; continue; }
    docs+=("$TMP/$ex.$fmt")
  done
done
# a province template that sets another font: the font table follows it
printf 'return require("nd30").extend{ name = "arial", settings = { font = "Arial" } }\n' >"$TMP/arial.lua"
for fmt in docx odt; do
  "$BIN" render examples/dak-lak-2026 --template "$TMP/arial.lua" -o "$TMP/arial.$fmt" ||
    not_ok "arial.$fmt: render"
done

check "every output well-formed XML in NFC, valid against the schemas" \
  tests/lib/validate-output.sh "${docs[@]}" "$TMP/arial.docx" "$TMP/arial.odt"
for doc in "${docs[@]}"; do
  check "$(basename "$doc"): every element on its named style, the font table in Times New Roman" \
    /usr/bin/python3 tests/lib/check_styles.py "Times New Roman" "$doc"
done
for fmt in docx odt; do
  check "arial.$fmt: the font table, docDefaults and font faces in the template's Arial" \
    /usr/bin/python3 tests/lib/check_styles.py Arial "$TMP/arial.$fmt"
done
check "arial.docx: fontTable.xml gives Arial the swiss family" \
  bash -c "unzip -p '$TMP/arial.docx' word/fontTable.xml | grep -q '<w:family w:val=\"swiss\"/>'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
