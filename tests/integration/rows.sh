#!/usr/bin/env bash
# A table row taller than a page, as a reader sees it in LibreOffice's PDF: a CSV cell of 60 short
# paragraphs ("dòng 01" … "dòng 60") loses none of them, in DOCX and in ODT; the group row above it
# stays on the page of its first line, and so does each of 30 groups in a second table; the header row starts every page the table runs onto; and
# the tall row is not marked to stay whole: Word honours that mark even for a row taller than a
# page (cutting it off), where LibreOffice breaks such a row anyway.
# Usage: tests/integration/rows.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: rows.sh BIN}")
TMP=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }

plan="$TMP/plan"
mkdir -p "$plan"
cat >"$plan/plan.lua" <<'LUA'
return {
  agency = "SỞ XÂY DỰNG", type = "KẾ HOẠCH", symbol = "KH-SXD", place = "Đắk Lắk",
  date = "2026-06-15", subject = "Phân công nhiệm vụ",
  body = "Nội dung phân công tại Phụ lục kèm theo.",
  recipients = (function()   -- a list longer than a page: the signature block may break
    local r = {}
    for i = 1, 80 do r[i] = string.format("Đơn vị nhận số %02d", i) end
    r[81] = "Lưu: VT"
    return r
  end)(),
  signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" },
  appendices = {
    { title = "PHÂN CÔNG NHIỆM VỤ", orientation = "landscape", table = read_table("phu-luc.csv", { header_rows = 1 }) },
    { title = "CÁC NHÓM VIỆC", table = read_table("nhom.csv", { header_rows = 1 }) },
  },
}
LUA
{
  echo 'STT,Nhiệm vụ,Đơn vị chủ trì'
  echo ',Nhiệm vụ mở đầu,Văn phòng Sở'
  echo '#I,NHÓM NHIỆM VỤ DÀI,'
  printf ',"'
  for i in $(seq -w 1 60); do
    [ "$i" = 01 ] || printf '\n'
    printf 'dòng %s' "$i"
  done
  printf '",Phòng Quản lý\n'
  echo ',Nhiệm vụ cuối,Thanh tra Sở'
} >"$plan/phu-luc.csv"
# groups of 1 to 9 rows, so that some group row comes to the foot of a page
{
  echo 'STT,Việc,Đơn vị'
  for g in $(seq 1 30); do
    echo "#$g,NHÓM VIỆC $g,"
    echo ",đầu nhóm $g,Phòng"
    for i in $(seq 2 $((g % 9 + 1))); do echo ",việc $i của nhóm $g,Phòng"; done
  done
} >"$plan/nhom.csv"

for fmt in docx odt; do
  doc="$TMP/rows.$fmt"
  if ! "$BIN" render "$plan" -o "$doc" 2>"$TMP/err"; then
    not_ok "$fmt: render"; sed 's/^/#   /' "$TMP/err" | head -5; continue
  fi
  if out=$(tests/lib/validate-output.sh "$doc" 2>&1); then ok "$fmt: well-formed XML in NFC, valid against the schemas"
  else not_ok "$fmt: well-formed XML in NFC, valid against the schemas"; sed 's/^/#   /' <<<"$out" | head -10; fi
  # which rows Word and LibreOffice keep whole (Word's "Allow row to break across pages" off):
  # every short row, not the tall one; the group row's paragraphs keep it with the next row
  whole=$(/usr/bin/python3 - "$doc" <<'PY'
import sys, zipfile
from lxml import etree
path = sys.argv[1]
out = []
if path.endswith(".docx"):
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    by_id = {s.style_id: s for s in d.styles}
    # keep with next as the paragraph has it: its own, else its style's (and the styles under it)
    def keeps(p):
        own = p.find(qn("w:pPr") + "/" + qn("w:keepNext"))
        if own is not None:
            return own.get(qn("w:val")) in (None, "1", "true", "on")
        ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        style = by_id.get(ps.get(qn("w:val"))) if ps is not None else None
        while style is not None:
            if style.paragraph_format.keep_with_next is not None:
                return style.paragraph_format.keep_with_next
            style = style.base_style
        return False
    table = [t for t in d.tables if "dòng 01" in t._tbl.xml][0]
    for tr in table._tbl.tr_lst:
        trPr = tr.find(qn("w:trPr"))
        whole = trPr is not None and trPr.find(qn("w:cantSplit")) is not None
        keep = all(keeps(p) for p in tr.iter(qn("w:p")))
        out.append(("W" if whole else "-") + ("K" if keep else ""))
else:
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
          "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    kept = {s.get("{%s}name" % ns["style"]) for s in root.iterfind(".//style:style", ns)
            if s.find("style:table-row-properties[@fo:keep-together='always']", ns) is not None}
    table = [t for t in root.iterfind(".//table:table", ns) if "dòng 01" in "".join(t.itertext())][0]
    for tr in table.iterfind(".//table:table-row", ns):
        out.append("W" if tr.get("{%s}style-name" % ns["table"]) in kept else "-")
print(" ".join(out))
PY
)
  # the signature block beside 80 recipients is not kept whole either
  if [ "$fmt" = docx ]; then
    sig=$(/usr/bin/python3 -c '
import sys, docx
from docx.oxml.ns import qn
t = [t for t in docx.Document(sys.argv[1]).tables if "Đơn vị nhận số 80" in t._tbl.xml][0]
print(sum(tr.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None for tr in t._tbl.tr_lst))' "$doc")
  else
    sig=$(unzip -p "$doc" content.xml | /usr/bin/python3 -c '
import sys
from lxml import etree
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
root = etree.fromstring(sys.stdin.buffer.read())
kept = {s.get("{%s}name" % ns["style"]) for s in root.iterfind(".//style:style", ns)
        if s.find("style:table-row-properties[@fo:keep-together=\"always\"]", ns) is not None}
t = [t for t in root.iterfind(".//table:table", ns) if "Đơn vị nhận số 80" in "".join(t.itertext())][0]
print(sum(tr.get("{%s}style-name" % ns["table"]) in kept for tr in t.iterfind(".//table:table-row", ns)))')
  fi
  [ "$sig" = 0 ] && ok "$fmt: the signature block beside 80 recipients may break across pages" \
    || not_ok "$fmt: the signature block beside 80 recipients is kept whole ($sig)"

  # header, the first task, the group row, the tall row, the last task
  if [ "$fmt" = docx ]; then want="W W WK - W"; else want="W W W - W"; fi
  if [ "$whole" = "$want" ]; then ok "$fmt: the short rows kept whole, the tall one may break ($whole)"
  else not_ok "$fmt: rows kept whole (W) and kept with the next (K): '$whole', want '$want'"; fi

  rm -f "$TMP/rows.pdf"
  soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$TMP" "$doc" >/dev/null 2>&1
  pdf="$TMP/rows.pdf"
  [ -s "$pdf" ] || { not_ok "$fmt: LibreOffice made no PDF"; continue; }
  pdftotext -raw "$pdf" "$TMP/rows.txt"
  found=0 missing=""
  for i in $(seq -w 1 60); do
    if grep -Eqx "([0-9]+ )?dòng $i" "$TMP/rows.txt"; then found=$((found + 1)); else missing="$missing $i"; fi
  done
  if [ "$found" = 60 ]; then ok "$fmt: all 60 lines of the tall cell are in the PDF"
  else not_ok "$fmt: $found of 60 lines of the tall cell in the PDF; missing:$missing"; fi
  n=0; for i in $(seq -w 1 80); do grep -q "Đơn vị nhận số $i" "$TMP/rows.txt" && n=$((n + 1)); done
  [ "$n" = 80 ] && ok "$fmt: all 80 recipients are in the PDF" || not_ok "$fmt: $n of 80 recipients in the PDF"
  grep -Eq '^([0-9]+ )?Nhiệm vụ cuối' "$TMP/rows.txt" && ok "$fmt: the row after the tall one is in the PDF" \
    || not_ok "$fmt: the row after the tall one is missing from the PDF"

  # the group title and the first line of its row on one page; the header row atop each page
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  group_page=0 first_page=0 continued=0 headed=0
  for ((p = 1; p <= pages; p++)); do
    pdftotext -raw -f $p -l $p "$pdf" "$TMP/page.txt"
    grep -q 'NHÓM NHIỆM VỤ DÀI' "$TMP/page.txt" && group_page=$p
    grep -Eqx '([0-9]+ )?dòng 01' "$TMP/page.txt" && first_page=$p
    # a page the table runs onto: table text, not the appendix title
    if { grep -Eq '^([0-9]+ )?(dòng [0-9]+|Nhiệm vụ cuối)' "$TMP/page.txt"; } &&
       ! grep -q 'PHÂN CÔNG NHIỆM VỤ' "$TMP/page.txt"; then
      continued=$((continued + 1))
      grep -v '^[[:space:]]*$' "$TMP/page.txt" | grep -v '^[0-9]*$' | head -3 | grep -q '^STT' && headed=$((headed + 1))
    fi
  done
  if [ "$group_page" -gt 0 ] && [ "$group_page" = "$first_page" ]; then
    ok "$fmt: the group row on the page of its first line (page $group_page)"
  else not_ok "$fmt: group row on page $group_page, its first line on page $first_page"; fi
  # every group row of the second table on the page of the group's first row
  for ((p = 1; p <= pages; p++)); do pdftotext -raw -f $p -l $p "$pdf" "$TMP/page-$p.txt"; done
  apart=""
  for g in $(seq 1 30); do
    gp=$(grep -l "NHÓM VIỆC $g\$" "$TMP"/page-*.txt | head -1)
    fp=$(grep -l "đầu nhóm $g Phòng" "$TMP"/page-*.txt | head -1)
    [ -n "$gp" ] && [ "$gp" = "$fp" ] || apart="$apart $g"
  done
  rm -f "$TMP"/page-*.txt
  if [ -z "$apart" ]; then ok "$fmt: each of the 30 group rows on the page of its first row"
  else not_ok "$fmt: group rows on another page than their first row:$apart"; fi
  # the tall cell runs over more than one page, else the test proves nothing
  if [ "$continued" -ge 1 ] && [ "$headed" = "$continued" ]; then
    ok "$fmt: the table runs onto $continued more pages, the header row atop each"
  else not_ok "$fmt: header row atop $headed of $continued pages the table runs onto"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
