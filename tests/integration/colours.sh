#!/usr/bin/env bash
# Colours and cell shades, as both formats write them: a template with coloured runs and
# paragraphs and a row of cells shaded 0, 15, 50, 100 and 1 percent is rendered as DOCX and ODT;
# each cell's background (DOCX w:shd/@w:fill, ODT fo:background-color) and each text's colour
# (w:color, fo:color) must be the expected grey or colour, the same in both formats. Out-of-range
# values are refused: exit 2, one line naming the field, no output file.
# Usage: tests/integration/colours.sh BIN   (from anywhere)
set -u
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
BIN=$(readlink -f "${1:?usage: colours.sh BIN}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }

# template FILE SHADE COLOR: a template whose fourth cell has SHADE and whose blue text has COLOR.
template() {
  cat >"$1" <<LUA
return { render = function(plan, doc, options)
  doc:section{}
  doc:paragraph{ runs = { "đen ", { text = "đỏ", color = "FF0000" } } }
  doc:paragraph{ text = "xanh", color = "$3" }
  doc:table{ widths = { 30, 30, 30, 30, 30 }, borders = true, rows = {
    { cells = { { content = { { text = "s0" } } }, { shade = 15, content = { { text = "s15" } } },
                { shade = 50, content = { { text = "s50" } } }, { shade = $2, content = { { text = "s100" } } },
                { shade = 1 } } },
  } }
end }
LUA
}

# colours DOC: "cells=…,…" (each cell's background, "-" for none, in document order) and
# "text=…" (each piece of text and its colour), one line, the same form for DOCX and ODT.
colours() {
  "$PY" - "$1" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
if "word/document.xml" in z.namelist():
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ET.fromstring(z.read("word/document.xml"))
    cells = []
    for tc in root.iter(W + "tc"):
        shd = tc.find(f"{W}tcPr/{W}shd")
        cells.append(shd.get(W + "fill") if shd is not None else "-")
    text = []
    for r in root.iter(W + "r"):
        t = r.find(W + "t")
        if t is None or not t.text or not t.text.strip() or t.text.startswith("s"):
            continue
        c = r.find(f"{W}rPr/{W}color")
        text.append(f"{t.text.strip()}:{c.get(W + 'val') if c is not None else '-'}")
else:
    S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
    T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    TB = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
    root = ET.fromstring(z.read("content.xml"))
    bg, fg = {}, {}
    for st in root.iter(S + "style"):
        name = st.get(S + "name")
        for p in st:
            if p.get(FO + "background-color"):
                bg[name] = p.get(FO + "background-color").lstrip("#")
            if p.get(FO + "color"):
                fg[name] = p.get(FO + "color").lstrip("#")
    cells = [bg.get(c.get(TB + "style-name"), "-") for c in root.iter(TB + "table-cell")]
    text = []
    for p in root.iter(T + "p"):
        pc = fg.get(p.get(T + "style-name"), "-")
        if p.text and p.text.strip() and not p.text.startswith("s"):
            text.append(f"{p.text.strip()}:{pc}")
        for span in p.iter(T + "span"):
            if span.text and span.text.strip():
                text.append(f"{span.text.strip()}:{fg.get(span.get(T + 'style-name'), pc)}")
print("cells=" + ",".join(cells), "text=" + ",".join(text))
PY
}

template "$TMP/t.lua" 100 0000FF
want="cells=-,D9D9D9,808080,000000,FDFDFD text=đen:-,đỏ:FF0000,xanh:0000FF"
for fmt in docx odt; do
  out=$TMP/c.$fmt
  if ! "$BIN" render examples/dak-lak-2026 --template "$TMP/t.lua" -o "$out" 2>"$TMP/err"; then
    not_ok "$fmt: render: $(head -1 "$TMP/err")"; continue
  fi
  if msg=$(tests/lib/validate-output.sh "$out" 2>&1); then ok "$fmt: valid against the schemas"
  else not_ok "$fmt: valid against the schemas"; sed 's/^/#   /' <<<"$msg" | head -10; fi
  got=$(colours "$out")
  if [[ $got == "$want" ]]; then ok "$fmt: shades 0, 15, 50, 100, 1 and the text colours as expected"
  else not_ok "$fmt: got '$got', expected '$want'"; fi
done
if [[ -f $TMP/c.docx && -f $TMP/c.odt && "$(colours "$TMP/c.docx")" == "$(colours "$TMP/c.odt")" ]]; then
  ok "DOCX and ODT: the same backgrounds and colours"
else
  not_ok "DOCX and ODT differ"
fi

# refused NAME SHADE COLOR FIELD: exit 2, one stderr line naming FIELD, no output file.
refused() {
  local name=$1 field=$4 out=$TMP/bad.docx rc
  template "$TMP/bad.lua" "$2" "$3"
  rm -f "$out"
  "$BIN" render examples/dak-lak-2026 --template "$TMP/bad.lua" -o "$out" 2>"$TMP/err"
  rc=$?
  if [[ $rc == 2 && $(wc -l <"$TMP/err") == 1 ]] && grep -q "$field" "$TMP/err" && [[ ! -e $out ]]; then
    ok "$name: refused in one line naming $field"
  else
    not_ok "$name: exit $rc, $(wc -l <"$TMP/err") lines, output $([[ -e $out ]] && echo written || echo none): $(head -1 "$TMP/err")"
  fi
}
refused "shade 150" 150 0000FF "cell.shade"
refused "shade -1" -1 0000FF "cell.shade"
refused "colour GGGGGG" 100 GGGGGG "paragraph.color"
refused "colour of 7 digits" 100 1000000 "paragraph.color"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
