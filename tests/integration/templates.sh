#!/usr/bin/env bash
# Templates: where they are found, what extend changes, the warnings a template author gets,
# and the Bình Phước bundle (decision, plan, appendix) in the seed's order.
# Usage: tests/integration/templates.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: templates.sh BIN}")
ROOT=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

# pdftotext of a document through LibreOffice, white space folded
pdf_text() {
  local doc=$1 out
  out=$(dirname "$doc")
  soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$out" "$doc" >/dev/null 2>&1
  pdftotext -raw "${doc%.*}.pdf" - | tr -s ' \n\t' ' '
}

# every needle of the list, in this order, in the text
in_order() {
  local text=$1; shift
  local rest=$text needle
  for needle in "$@"; do
    case "$rest" in
      *"$needle"*) rest=${rest#*"$needle"} ;;
      *) echo "  missing or out of order: $needle" >&2; return 1 ;;
    esac
  done
}

# 1. Finding templates: built in with nothing installed, ./templates, KEHOACH_TEMPLATE_PATH.
mkdir -p "$TMP/empty"
listing=$(cd "$TMP/empty" && "$BIN" templates)
for t in nd30 dak-lak tuyen-quang binh-phuoc; do
  check "templates lists $t as built in, with no templates folder" grep -Eq "^$t +built in$" <<<"$listing"
done
check "render works from the embedded nd30 in an empty folder" \
  bash -c "cd '$TMP/empty' && '$BIN' render '$ROOT/examples/dak-lak-2026' --template nd30 -o x.docx && test -s x.docx"
mkdir -p "$TMP/path"
printf 'return require("nd30").extend{ name = "xa" }\n' >"$TMP/path/xa.lua"
listing=$(cd "$TMP/empty" && KEHOACH_TEMPLATE_PATH="$TMP/path" "$BIN" templates)
check "templates lists a template from KEHOACH_TEMPLATE_PATH" grep -Eq "^xa +$TMP/path/xa.lua$" <<<"$listing"
check "render finds a template by name in KEHOACH_TEMPLATE_PATH" \
  bash -c "cd '$TMP/empty' && KEHOACH_TEMPLATE_PATH='$TMP/path' '$BIN' render '$ROOT/examples/dak-lak-2026' --template xa -o y.docx"
mkdir -p "$TMP/local/templates"
printf 'return require("nd30").extend{ name = "nd30" }\n' >"$TMP/local/templates/nd30.lua"
listing=$(cd "$TMP/local" && "$BIN" templates)
check "./templates comes before the built-in template of the same name" \
  grep -Eq "^nd30 +built in \(not used: templates/nd30.lua comes first\)$" <<<"$listing"

# 2. A template written from scratch changes exactly what it says, in DOCX and in ODT.
cat >"$TMP/my.lua" <<'LUA'
local nd30 = require("nd30")
return nd30.extend{
  name = "my",
  settings = {
    body = { size = 13 },
    page = { margin_left = 35 },
    levels = { [2] = { format = "%s) " } },
  },
}
LUA
for fmt in docx odt; do
  "$BIN" render examples/dak-lak-2026 --template nd30 -o "$TMP/a.$fmt" &&
    "$BIN" render examples/dak-lak-2026 --template "$TMP/my.lua" -o "$TMP/b.$fmt"
  check "$fmt: the new template changes the body size, the left margin and the level-2 numbering, and nothing else" \
    $PY tests/integration/template_diff.py "$TMP/a.$fmt" "$TMP/b.$fmt"
done

# 3. Warnings a template author gets, naming the template's line.
cat >"$TMP/typo.lua" <<'LUA'
local nd30 = require("nd30")
local T = nd30.extend{
  settings = { body = { sise = 13 } },
}
function T.recipient_list(ctx, items) return {} end
return T
LUA
err=$("$BIN" render examples/dak-lak-2026 --template "$TMP/typo.lua" -o "$TMP/typo.docx" 2>&1 >/dev/null)
check "an unknown setting is warned of, with the template's line" \
  grep -q "^kehoach: warning: [^ ]*typo.lua:2: unknown setting 'body.sise'" <<<"$err"
check "a misspelt function name is warned of, with the template's line" \
  grep -q "^kehoach: warning: [^ ]*typo.lua:5: template defines 'recipient_list'" <<<"$err"
printf 'return require("nd30").extend{ settings = { body = { size = "big" } } }\n' >"$TMP/bad.lua"
err=$("$BIN" render examples/dak-lak-2026 --template "$TMP/bad.lua" -o "$TMP/bad.docx" 2>&1)
rc=$?
wrong_type_refused() {
  [ "$rc" -eq 2 ] && grep -q "bad.lua: setting 'body.size': expected number, got string" <<<"$err" &&
    [ ! -e "$TMP/bad.docx" ]
}
check "a setting of the wrong type is an error naming it (exit 2)" wrong_type_refused

# 4. The Bình Phước bundle: one file, decision then plan then appendix, in the seed's order.
for fmt in docx odt; do
  "$BIN" render examples/binh-phuoc-2024 -o "$TMP/bp.$fmt"
  text=$(pdf_text "$TMP/bp.$fmt")
  check "$fmt: Bình Phước holds the decision, the plan and the appendix in the seed's order" in_order "$text" \
    "UBND TỈNH BÌNH PHƯỚC" "SỞ XÂY DỰNG" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Số: 98/QĐ-SXD" \
    "Bình Phước, ngày 11 tháng 01 năm 2024" "QUYẾT ĐỊNH" \
    "Ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Xây dựng" "GIÁM ĐỐC SỞ XÂY DỰNG" \
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021" "Theo đề nghị của Chánh Văn phòng Sở Xây dựng." \
    "QUYẾT ĐỊNH:" "Điều 1." "Điều 2." "Điều 3." "kể từ ngày ký./." "Nơi nhận:" "- Sở Nội vụ;" \
    "GIÁM ĐỐC" "Võ Tất Dũng" \
    "UBND TỈNH BÌNH PHƯỚC" "KẾ HOẠCH" "Cải cách hành chính năm 2024 của Sở Xây dựng" \
    "(Kèm theo Quyết định số 98/QĐ-SXD ngày 11 tháng 01 năm 2024 của Sở Xây dựng)" \
    "I. MỤC TIÊU, YÊU CẦU" "1. Mục tiêu" "II." "nhiệm vụ chính trị tại cơ quan./." \
    "UBND TỈNH BÌNH PHƯỚC" "PHỤ LỤC" "CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024" "I Cải cách thể chế"
  count=$(grep -o "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" <<<"$text" | wc -l)
  check "$fmt: three header blocks: the decision, the plan, the appendix" [ "$count" -eq 3 ]
done

# 5. Markings (nd30.md §13) and a collective body's signer, in both formats.
for fmt in docx odt; do
  "$BIN" render tests/fixtures/marks -o "$TMP/marks.$fmt"
  text=$(pdf_text "$TMP/marks.$fmt")
  check "$fmt: circulation mark above the header, draft, secrecy and urgency stamps under the number" in_order "$text" \
    "LƯU HÀNH NỘI BỘ" "UBND TỈNH BÌNH PHƯỚC" "Số:" "DỰ THẢO LẦN 2" "MẬT" "THƯỢNG KHẨN" "KẾ HOẠCH"
  check "$fmt: TM. signer: the collective body, then the title, then the name" in_order "$text" \
    "Nơi nhận:" "TM. ỦY BAN NHÂN DÂN" "CHỦ TỊCH" "Trần Tuệ Hiền"
done
unzip -p "$TMP/marks.docx" word/document.xml >"$TMP/marks.xml"
check "docx: the urgency stamp is bright red, in a frame" \
  grep -q '<w:color w:val="FF0000"/>' "$TMP/marks.xml"
unzip -p "$TMP/marks.odt" content.xml >"$TMP/marks-content.xml"
check "odt: the urgency stamp is bright red" grep -q 'fo:color="#FF0000"' "$TMP/marks-content.xml"

# 6. Every document written above: well-formed in every part, valid against the schemas.
check "every output above: well-formed XML in NFC, valid against the schemas" \
  tests/lib/validate-output.sh "$TMP/empty/x.docx" "$TMP/empty/y.docx" "$TMP"/{a,b,bp,marks}.{docx,odt} "$TMP/typo.docx"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
