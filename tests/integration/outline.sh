#!/usr/bin/env bash
# Headings and numbering as a clerk meets them in Word and LibreOffice:
# - each example's headings are Word's own heading styles with an outline level (DOCX) and
#   text:h with outline levels (ODT), and carry no typed number: the lists number them;
# - LibreOffice's PDF of each example has one bookmark per heading, titled with its number
#   (a real client sees the outline);
# - an edit with real libraries: a level-2 and a level-1 heading inserted in the middle of
#   examples/dak-lak-2026 (python-docx for the DOCX, odfpy for the ODT; style only, no number
#   typed) take the next numbers in LibreOffice's PDF, and every following number of their
#   level moves on by one, while the next section's level 2 starts again at 1;
# - a template whose level 2 is lettered: a), b) typed under the numbered level 1.
# Usage: tests/integration/outline.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: outline.sh BIN}")
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3   # the system's, with python3-docx, -odf, -pikepdf
for tool in soffice pdftotext "$PY"; do
  command -v "$tool" >/dev/null || { echo "outline.sh: $tool not found (run scripts/install-deps)" >&2; exit 2; }
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-outline.XXXXXX") || exit 2
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
# to_pdf FILE: LibreOffice's PDF beside it (its own profile, so runs never share one)
to_pdf() {
  timeout 120 soffice -env:UserInstallation=file://"$TMP/profile" --headless --convert-to pdf \
    --outdir "$(dirname "$1")" "$1" >/dev/null 2>&1
}
# lines FILE.pdf: the PDF's text, a line each, without the indent
lines() { pdftotext -layout "$1" - 2>/dev/null | sed 's/^ *//'; }

# headings FILE: one line a heading of the package, "LEVEL<tab>TEXT", from its XML as written;
# exit 1 with the reason when a heading is not what Word and LibreOffice take for one.
headings() {
  "$PY" - "$1" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
path = sys.argv[1]
z = zipfile.ZipFile(path)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
typed = re.compile(r"^([IVXLC]+|\d+(\.\d+)*)\.\s")
bad = []
out = []
if path.endswith(".docx"):
    import docx
    d = docx.Document(path)
    if "word/numbering.xml" not in z.namelist():
        bad.append("no word/numbering.xml")
    levels = {}
    for s in d.styles:
        el = s.element
        m = re.fullmatch(r"Heading([1-9])", s.style_id or "")
        if not m:
            continue
        n = int(m.group(1))
        if el.name_val != f"heading {n}":
            bad.append(f"style {s.style_id} is named {el.name_val!r}, not Word's 'heading {n}'")
        if el.get(W + "customStyle") == "1":
            bad.append(f"style {s.style_id} is a custom style, not Word's own")
        lvl = el.find(f"{W}pPr/{W}outlineLvl")
        if lvl is None or lvl.get(W + "val") != str(n - 1):
            bad.append(f"style {s.style_id} has no outline level {n - 1}")
        if el.find(f"{W}pPr/{W}numPr") is None:
            bad.append(f"style {s.style_id} is not attached to a list")
        levels[s.style_id] = n
    for p in d.paragraphs:
        n = levels.get(p.style.style_id)
        if n:
            out.append((n, p.text))
else:
    styles = ET.fromstring(z.read("styles.xml"))
    if styles.find(f".//{TEXT}outline-style") is None:
        bad.append("no text:outline-style")
    content = ET.fromstring(z.read("content.xml"))
    for h in content.iter(TEXT + "h"):
        out.append((int(h.get(TEXT + "outline-level")), "".join(h.itertext())))
for n, t in out:
    if typed.match(t):
        bad.append(f"heading {t[:30]!r} has its number typed")
if not out:
    bad.append("no heading found")
for b in bad[:5]:
    print("#   " + b, file=sys.stderr)
for n, t in out:
    print(f"{n}\t{t}")
sys.exit(1 if bad else 0)
PY
}

# bookmarks PDF: the titles of the PDF's outline, a line each, depth first
bookmarks() {
  "$PY" - "$1" <<'PY'
import sys, pikepdf
with pikepdf.open(sys.argv[1]) as pdf, pdf.open_outline() as outline:
    def walk(items):
        for it in items:
            print(it.title)
            walk(it.children)
    walk(outline.root)
PY
}

for ex in dak-lak-2026 tuyen-quang-2026 binh-phuoc-2024; do
  for fmt in docx odt; do
    doc=$TMP/$ex.$fmt
    "$BIN" render "examples/$ex" -o "$doc" 2>"$TMP/err" || { not_ok "$ex.$fmt: render"; head -3 "$TMP/err"; continue; }
    if out=$(tests/lib/validate-output.sh "$doc" 2>&1); then :; else
      not_ok "$ex.$fmt: valid against the schemas"; sed 's/^/#   /' <<<"$out" | head -5; fi
    if headings "$doc" >"$TMP/$ex.$fmt.h"; then
      ok "$ex.$fmt: $(wc -l <"$TMP/$ex.$fmt.h") headings on Word's heading styles / text:h, numbered by the lists, none typed"
    else not_ok "$ex.$fmt: the headings are real headings"; fi
    mkdir -p "$TMP/$fmt"
    cp "$doc" "$TMP/$fmt/" && to_pdf "$TMP/$fmt/$ex.$fmt"
    pdf=$TMP/$fmt/$ex.pdf
    [ -s "$pdf" ] || { not_ok "$ex.$fmt: LibreOffice made no PDF"; continue; }
    bookmarks "$pdf" >"$TMP/$ex.$fmt.b"
    nh=$(wc -l <"$TMP/$ex.$fmt.h") nb=$(wc -l <"$TMP/$ex.$fmt.b")
    # each bookmark is the heading's text after its number ("I. MỤC TIÊU")
    if [ "$nh" -gt 0 ] && [ "$nh" = "$nb" ] && paste "$TMP/$ex.$fmt.h" "$TMP/$ex.$fmt.b" | awk -F'\t' '
         { t = $3; sub(/^([IVXLC]+|[0-9]+(\.[0-9]+)*)\. /, "", t); if (t != $2) bad++ } END { exit bad > 0 }'; then
      ok "$ex.$fmt: the PDF has one bookmark per heading ($nb), each the numbered heading"
    else
      not_ok "$ex.$fmt: $nb bookmarks for $nh headings"; paste "$TMP/$ex.$fmt.h" "$TMP/$ex.$fmt.b" | head -3 | sed 's/^/#   /'
    fi
    if [ "$ex" = dak-lak-2026 ] && ! grep -Fxq "I. MỤC TIÊU" "$TMP/$ex.$fmt.b"; then
      not_ok "$ex.$fmt: the first bookmark is 'I. MỤC TIÊU'"; fi
  done
done

# The edit: after "1. Mục tiêu chung" a new level-2 heading, before "II. MỤC ĐÍCH, YÊU CẦU" a
# new level-1 heading, each given only the heading style.
mkdir -p "$TMP/edit"
"$PY" - "$TMP/dak-lak-2026.docx" "$TMP/edit/dak-lak-2026.docx" <<'PY' || not_ok "docx: python-docx inserts the headings"
import sys, docx
d = docx.Document(sys.argv[1])
paras = d.paragraphs
def at(text):
    return next(i for i, p in enumerate(paras) if p.text == text)
level2, level1 = at("Mục tiêu chung") + 1, at("MỤC ĐÍCH, YÊU CẦU")
paras[level1].insert_paragraph_before("PHẠM VI ÁP DỤNG", style="Heading 1")
paras[level2].insert_paragraph_before("Mục tiêu bổ sung", style="Heading 2")
d.save(sys.argv[2])
PY
"$PY" - "$TMP/dak-lak-2026.odt" "$TMP/edit/dak-lak-2026.odt" <<'PY' || not_ok "odt: odfpy inserts the headings"
import sys
from odf.opendocument import load
from odf import text, teletype
d = load(sys.argv[1])
hs = d.text.getElementsByType(text.H)
def at(t):
    return next(h for h in hs if teletype.extractText(h) == t)
after2, before1 = at("Mục tiêu chung"), at("MỤC ĐÍCH, YÊU CẦU")
h2 = text.H(outlinelevel=2, stylename="Heading2", text="Mục tiêu bổ sung")
after2.parentNode.insertBefore(h2, after2.nextSibling)
h1 = text.H(outlinelevel=1, stylename="Heading1", text="PHẠM VI ÁP DỤNG")
before1.parentNode.insertBefore(h1, before1)
d.save(sys.argv[2])
PY
for fmt in docx odt; do
  to_pdf "$TMP/edit/dak-lak-2026.$fmt"
  pdf=$TMP/edit/dak-lak-2026.pdf
  [ -s "$pdf" ] || { not_ok "$fmt: LibreOffice made no PDF of the edited file"; continue; }
  lines "$pdf" >"$TMP/edit/$fmt.txt"
  rm -f "$pdf"
  want=("1. Mục tiêu chung" "2. Mục tiêu bổ sung" "3. Mục tiêu cụ thể" "II. PHẠM VI ÁP DỤNG"
        "III. MỤC ĐÍCH, YÊU CẦU" "1. Mục đích" "2. Yêu cầu" "IV. NHIỆM VỤ, GIẢI PHÁP")
  missing=()
  for w in "${want[@]}"; do grep -Fxq "$w" "$TMP/edit/$fmt.txt" || missing+=("$w"); done
  # the order, too: each wanted line after the one before it
  order=$(for w in "${want[@]}"; do grep -Fxn "$w" "$TMP/edit/$fmt.txt" | head -1 | cut -d: -f1; done | paste -sd' ')
  if [ ${#missing[@]} = 0 ] && [ "$(tr ' ' '\n' <<<"$order" | sort -n | paste -sd' ')" = "$order" ]; then
    ok "$fmt: headings inserted in LibreOffice take the next numbers and the following ones move on"
  else
    not_ok "$fmt: after inserting headings: missing ${missing[*]:-none}, order $order"
    grep -E '^([IVX]+|[0-9]+)\. ' "$TMP/edit/$fmt.txt" | head -8 | sed 's/^/#   /'
  fi
done

# A province template whose level 2 is lettered (a), b) … đ)): Vietnamese letters are no list
# format, so that level's numbers are typed, the level above stays a list.
cat >"$TMP/letters.lua" <<'LUA'
return require("nd30").extend{ name = "letters", settings = {
  levels = { [2] = { style = "letter", format = "%s) " } } } }
LUA
mkdir -p "$TMP/letters"
for fmt in docx odt; do
  doc=$TMP/letters/dak-lak-2026.$fmt
  "$BIN" render examples/dak-lak-2026 --template "$TMP/letters.lua" -o "$doc" 2>"$TMP/err" &&
    tests/lib/validate-output.sh "$doc" >/dev/null 2>&1 && to_pdf "$doc"
  lines "$TMP/letters/dak-lak-2026.pdf" >"$TMP/letters/$fmt.txt"
  rm -f "$TMP/letters/dak-lak-2026.pdf"
  missing=()
  for w in "I. MỤC TIÊU" "a) Mục tiêu chung" "b) Mục tiêu cụ thể" "II. MỤC ĐÍCH, YÊU CẦU" "a) Mục đích"; do
    grep -Fxq "$w" "$TMP/letters/$fmt.txt" || missing+=("$w")
  done
  [ ${#missing[@]} = 0 ] && ok "$fmt: a lettered level 2 prints a), b) under each numbered level 1" \
    || not_ok "$fmt: with a lettered level 2, missing: ${missing[*]}"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
