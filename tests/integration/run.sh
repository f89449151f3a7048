#!/usr/bin/env bash
# Integration tests for kehoach: render every example, validate the DOCX against the published
# schemas, convert it with LibreOffice, compare the text with the real plans (the expected texts
# in tests/integration/expected/), and check that bad input fails cleanly.
#
#   tests/integration/run.sh build/kehoach          (run from the repository root)
#
# Prints one "ok - …" / "not ok - …" line per check and ends with "N passed, M failed".
# Environment: KH_SCHEMAS (default tests/schemas), KH_SEEDS (default ../shared/seeds): the plans'
# text as extracted from the originals; when there, the expected texts are checked against it.
set -uo pipefail
export LC_ALL=C.UTF-8          # ${#s} counts characters, sort and grep see UTF-8

BIN=${1:?usage: tests/integration/run.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
SCHEMAS=${KH_SCHEMAS:-tests/schemas}
EXPECTED=$ROOT/tests/integration/expected
SEEDS=${KH_SEEDS:-../shared/seeds}
SEED_DL=$SEEDS/002_1cb47749ca1e7ac4.txt      # Đắk Lắk 2026
SEED_TQ=$SEEDS/001_0a839bbb9a1e185e.txt      # Tuyên Quang 2026-2030

die() { echo "run.sh: $*" >&2; exit 2; }
[[ -x $BIN ]] || die "$BIN: expected the kehoach binary (run make first)"
[[ -f $SCHEMAS/ooxml/_driver-wml.xsd ]] || die "$SCHEMAS: schemas not found (set KH_SCHEMAS)"
SCHEMAS=$(cd "$SCHEMAS" && pwd)   # absolute: xmllint runs inside the unzipped folders
for tool in soffice xmllint pdftotext pdfinfo unzip; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps)"
done
# python3-docx is a Debian package: it is importable by the system's python3, which may not be
# the python3 first on PATH (pyenv and the like).
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
"$PY" -c 'import docx' 2>/dev/null || die "$PY cannot import docx (install python3-docx)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-it.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$TMP"' EXIT
START=$SECONDS

# ---------------------------------------------------------------------------------------------
# reporting

PASSED=0 FAILED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
# check DESCRIPTION COMMAND…: ok when the command succeeds; its output is shown when it does not.
check() {
  local what=$1 out; shift
  if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what"; [[ -n $out ]] && head -20 <<<"$out" | sed 's/^/#   /'; fi
}
# A short, one-line form of a text for messages.
short() { local s=${1//$'\n'/ }; ((${#s} > 90)) && s="${s:0:87}..."; printf '%s' "$s"; }

# ---------------------------------------------------------------------------------------------
# text helpers

# pdf_text PDF [pdftotext options…]: the PDF's text in drawing order. -raw rather than the default
# reading-order mode: the default mode's column detection moves blocks around (the "Số:" cell of
# the two-column header block comes out before "CỘNG HÒA…", and a paragraph's short last line
# ("2025.") before the line it ends), which would be failures of pdftotext, not of the document.
# The page number at the top of each page is dropped so that a paragraph running over a page
# break reads as one.
pdf_text() {
  local pdf=$1; shift
  pdftotext -raw "$@" "$pdf" - | awk 'BEGIN { RS = "\f" }
    { n = split($0, line, "\n"); first = 1
      for (i = 1; i <= n; i++) {
        if (first && line[i] ~ /^[ \t]*$/) continue
        if (first && line[i] ~ /^[ \t]*[0-9]+[ \t]*$/) { first = 0; continue }
        first = 0; print line[i] } }'
}

# check_order NAME TEXT_FILE EXPECTED_FILE: every non-empty line of EXPECTED_FILE occurs in the
# text, each after the one before, comparing white-space-folded text (a line that wraps after a
# hyphen, as "2026-" / "2030", is joined without a space). Reports the first item out of place.
check_order() {
  local name=$1 msg
  if msg=$("$PY" - "$2" "$3" <<'EOF'
import re, sys
def fold(s):
    s = re.sub(r'(?<=\S)-\n(?=\S)', '-', s)
    return ' '.join(s.split())
text = fold(open(sys.argv[1], encoding='utf-8').read())
items = [fold(l) for l in open(sys.argv[2], encoding='utf-8')]
items = [i for i in items if i]
pos, prev = 0, '(the start)'
for n, item in enumerate(items, 1):
    at = text.find(item, pos)
    if at < 0:
        if item in text:
            print(f'item {n} of {len(items)} "{item[:100]}" appears only before "{prev[-60:]}"')
            sys.exit(1)
        # Where it goes wrong: the longest start of the item found soon after the previous one.
        near = text[pos:pos + len(item) + 300]
        lo, hi = 0, len(item)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if near.find(item[:mid]) >= 0: lo = mid
            else: hi = mid - 1
        if lo < min(12, len(item)):
            print(f'item {n} of {len(items)} is missing: expected "{item[:80]}" after "{prev[-40:]}", '
                  f'got "{near[:80].strip()}"')
        else:
            at = near.find(item[:lo]) + lo
            print(f'item {n} of {len(items)} "{item[:50]}…" differs: after "{item[max(0, lo - 40):lo]}" '
                  f'expected "{item[lo:lo + 50]}", got "{near[at:at + 50]}"')
        sys.exit(1)
    pos, prev = at + len(item), item
print(f'{len(items)} items in order')
EOF
  ); then ok "$name: $msg"; else not_ok "$name: $msg"; fi
}

# seed_body SEED: the paragraphs of a seed between its subject (the line after the tên loại
# "KẾ HOẠCH") and "Nơi nhận:", one a line. The seed marks emphasis with asterisks
# ("(*trước ngày 14*"); the PDF shows italic instead, so they are removed.
seed_body() {
  awk '/^Nơi nhận:/ { exit }
       state == 2 && NF { print }
       state == 1 && NF { state = 2 }
       $0 == "KẾ HOẠCH" && !state { state = 1 }' "$1" | sed 's/\*//g'
}
seed_subject() { awk 'state && NF { print; exit } $0 == "KẾ HOẠCH" { state = 1 }' "$1"; }
seed_recipients() { awk '/^Nơi nhận:/ { on = 1; next } on && /^- / { print } on && /^\*\*/ { exit }' "$1"; }

# plan_field DIR NAME: a one-line string field of an example's plan.lua (subject = "…").
plan_field() { sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*\"\(.*\)\",[[:space:]]*\$/\1/p" "$1/plan.lua" | head -1; }

# ---------------------------------------------------------------------------------------------
# a. every example: render, validate, convert, read back

render_ok() {  # render_ok NAME PLAN OUT [options…]
  local name=$1 plan=$2 out=$3 err; shift 3
  if err=$("$BIN" render "$plan" -o "$out" "$@" 2>&1 >/dev/null) && [[ -s $out ]]; then
    ok "$name: renders ($(stat -c %s "$out") bytes)"
  else
    not_ok "$name: render exited $?: $(short "$err")"
    return 1
  fi
}

# validate_docx NAME DOCX…: every part well-formed, free of forbidden characters and in NFC, the
# main parts valid against the schemas (tests/lib/validate-output.sh, one run for all files).
validate_docx() {
  local name=$1; shift
  check "$name: every part well-formed XML in NFC; document, styles, settings, headers, content types, relationships, app.xml valid against the schemas" \
    env KH_SCHEMAS="$SCHEMAS" "$ROOT/tests/lib/validate-output.sh" "$@"
}

# docx_has_subject NAME DOCX SUBJECT: a second reader (python-docx) opens the file and finds the
# subject in one of its paragraphs.
docx_has_subject() {
  local msg
  if [[ -z $3 ]]; then not_ok "$1: python-docx: no one-line subject = \"…\" in plan.lua to look for"; return; fi
  if msg=$("$PY" - "$2" "$3" <<'EOF' 2>&1
import sys, docx
d = docx.Document(sys.argv[1])
want = ' '.join(sys.argv[2].split())
paras = [' '.join(p.text.split()) for p in d.paragraphs]
if not any(want in p for p in paras):
    print(f'subject not found in {len(paras)} paragraphs')
    sys.exit(1)
print(f'{len(paras)} paragraphs')
EOF
  ); then ok "$1: python-docx opens it and finds the subject ($msg)"
  else not_ok "$1: python-docx: $(short "$msg")"; fi
}

# to_pdf DOCX…: one LibreOffice run for all files (it takes seconds to start), with a profile of
# its own so that it neither meets a running LibreOffice nor leaves state in $HOME.
to_pdf() {
  timeout 300 soffice "-env:UserInstallation=file://$TMP/lo" --headless --convert-to pdf \
    --outdir "$TMP/pdf" "$@" >"$TMP/soffice.log" 2>&1
}

# ---------------------------------------------------------------------------------------------
# c. page numbers

check_page_numbers() {  # NAME PDF
  local name=$1 pdf=$2 pages first
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  if [[ -z $pages ]]; then not_ok "$name: pdfinfo cannot read $pdf"; return; fi
  if grep -Eq '^[[:space:]]*[0-9]+[[:space:]]*$' <(pdftotext -f 1 -l 1 "$pdf" -); then
    not_ok "$name: page 1 has a line that is just a number: $(grep -E '^[[:space:]]*[0-9]+[[:space:]]*$' <(pdftotext -f 1 -l 1 "$pdf" -) | head -1)"
  else
    ok "$name: page 1 shows no page number ($pages pages)"
  fi
  if ((pages < 2)); then not_ok "$name: expected at least 2 pages, got $pages"; return; fi
  first=$(pdftotext -f 2 -l 2 "$pdf" - | grep -m1 -v '^[[:space:]]*$')
  if [[ $first == 2 ]]; then ok "$name: page 2 starts with its number"
  else not_ok "$name: page 2: expected first line \"2\", got \"$(short "$first")\""; fi
}

# ---------------------------------------------------------------------------------------------
# d. bad input

SENTINEL=$TMP/sentinel
printf 'kehoach sentinel \x00\xff\x01 %s\n' "keep me" >"$SENTINEL"
CASE=0

# new_case NAME: a fresh copy of the Đắk Lắk example to break, in $TMP/case-N/plan.
new_case() {
  CASE=$((CASE + 1))
  PLAN=$TMP/case-$CASE/plan
  mkdir -p "$TMP/case-$CASE"
  cp -r examples/dak-lak-2026 "$PLAN"
}

# expect_fail NAME STATUS PLAN PATTERN…: render PLAN into a folder holding only a sentinel at the
# output path. Expected: exit STATUS, stderr exactly one line containing every PATTERN (fixed
# strings) and saying what was expected (the word "expected"; SAYS_EXPECTED=0 waives that for
# Lua's own syntax messages), the sentinel byte-for-byte unchanged and no other file in the folder.
expect_fail() {
  local name=$1 want=$2 plan=$3 out=$TMP/out-$CASE-$RANDOM rc errs=() p before after
  shift 3
  mkdir -p "$out"
  cp "$SENTINEL" "$out/out.docx"
  before=$(ls -A "$out")
  "$BIN" render "$plan" -o "$out/out.docx" >"$out.stdout" 2>"$out.stderr"
  rc=$?
  after=$(ls -A "$out")
  ((rc == want)) || errs+=("exit $rc, expected $want")
  [[ $(wc -l <"$out.stderr") -eq 1 && $(tail -c1 "$out.stderr" | od -An -c) == *'\n'* ]] ||
    errs+=("stderr has $(wc -l <"$out.stderr") lines, expected exactly one")
  for p in "$@"; do grep -qF -- "$p" "$out.stderr" || errs+=("stderr lacks \"$p\""); done
  [[ ${SAYS_EXPECTED:-1} == 0 ]] || grep -qw expected "$out.stderr" ||
    errs+=("stderr does not say what was expected")
  cmp -s "$SENTINEL" "$out/out.docx" || errs+=("the existing output file was changed")
  [[ $before == "$after" ]] || errs+=("new files in the output folder: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')")
  if ((${#errs[@]} == 0)); then
    ok "$name: exit $rc: $(short "$(head -1 "$out.stderr")")"
  else
    not_ok "$name: $(IFS=';'; echo "${errs[*]}") — stderr: $(short "$(cat "$out.stderr")")"
  fi
}

# line_of FILE REGEX: the number of the first line matching REGEX.
line_of() { grep -n -m1 -E "$2" "$1" | cut -d: -f1; }

bad_input_checks() {
  local n col prefix
  # A Lua syntax error: the message must carry the line (Lua's "plan.lua:LINE:").
  new_case; n=$(line_of "$PLAN/plan.lua" '^[[:space:]]*place[[:space:]]*=')
  sed -i "${n}s/,[[:space:]]*\$/ +,/" "$PLAN/plan.lua"
  SAYS_EXPECTED=0 expect_fail "Lua syntax error at plan.lua line $n" 2 "$PLAN" "plan.lua:$n:"

  new_case; sed -i '/^[[:space:]]*agency[[:space:]]*=/d' "$PLAN/plan.lua"
  expect_fail "missing required field agency" 2 "$PLAN" "plan.lua" "agency"

  new_case; sed -i 's/^\([[:space:]]*\)signer[[:space:]]*=.*/\1signer = "Lê Công Du",/' "$PLAN/plan.lua"
  expect_fail "signer of the wrong type (text)" 2 "$PLAN" "plan.lua" "signer"

  new_case; sed -i 's/^\([[:space:]]*\)number[[:space:]]*=.*/\1number = "abc",/' "$PLAN/plan.lua"
  expect_fail "number of the wrong type (\"abc\")" 2 "$PLAN" "plan.lua" "number"

  new_case; sed -i 's/^\([[:space:]]*\)date[[:space:]]*=.*/\1date = "2026-02-31",/' "$PLAN/plan.lua"
  # not "expected …": the date has the right form; the message says the month's days instead
  SAYS_EXPECTED=0 expect_fail "impossible date 2026-02-31" 2 "$PLAN" "plan.lua" "date" "2026-02-31" "28"

  # An unclosed ** in the middle of a line after non-ASCII text: the column counts characters,
  # as an editor shows them, not bytes.
  new_case; n=$(line_of "$PLAN/body.txt" '^- Hoàn thành 100% nhiệm vụ')
  prefix="- Hoàn thành 100% "; col=$((${#prefix} + 1))
  sed -i "${n}s/^- Hoàn thành 100% /&**/" "$PLAN/body.txt"
  expect_fail "unclosed ** at body.txt:$n:$col" 2 "$PLAN" "body.txt:$n:$col"

  new_case; n=$(line_of "$PLAN/body.txt" '^- 100% hồ sơ quá hạn')
  sed -i "${n}s/quá hạn/quá \\xff\\xfe hạn/" "$PLAN/body.txt"
  expect_fail "invalid UTF-8 in body.txt line $n" 2 "$PLAN" "body.txt:$n:"

  # read_text must stay inside the plan's folder, even when the file outside exists.
  new_case; echo "outside" >"$TMP/case-$CASE/x.txt"
  sed -i 's/read_text("body.txt")/read_text("..\/x.txt")/' "$PLAN/plan.lua"
  expect_fail "read_text(\"../x.txt\")" 2 "$PLAN" "plan.lua" "../x.txt"

  new_case; echo "outside" >"$TMP/case-$CASE/x.txt"
  sed -i "s|read_text(\"body.txt\")|read_text(\"$TMP/case-$CASE/x.txt\")|" "$PLAN/plan.lua"
  expect_fail "read_text with an absolute path" 2 "$PLAN" "plan.lua" "$TMP/case-$CASE/x.txt"

  # CSV: a row with one cell too many, a quote never closed (in the last row, so that no later
  # quote closes it), a byte that is not UTF-8.
  new_case; n=5; sed -i "${n}s/\$/,thừa/" "$PLAN/phu-luc.csv"
  expect_fail "ragged CSV row at phu-luc.csv line $n" 2 "$PLAN" "phu-luc.csv:$n:"

  new_case; n=$(wc -l <"$PLAN/phu-luc.csv")
  sed -i "${n}s/,\\([^,]*\\)\$/,\"\\1/" "$PLAN/phu-luc.csv"
  expect_fail "unclosed quote at phu-luc.csv line $n" 2 "$PLAN" "phu-luc.csv:$n:"

  new_case; n=6; sed -i "${n}s/Văn phòng/Văn \\xff phòng/" "$PLAN/phu-luc.csv"
  expect_fail "invalid UTF-8 at phu-luc.csv line $n" 2 "$PLAN" "phu-luc.csv:$n:"

  new_case
  expect_fail "missing plan folder" 2 "$TMP/case-$CASE/khong-co" "khong-co"

  # The output folder does not exist: an I/O failure (3), and nothing is created.
  local rc err
  "$BIN" render examples/dak-lak-2026 -o "$TMP/khong-co/out.docx" >/dev/null 2>"$TMP/nodir.err"
  rc=$?; err=$(cat "$TMP/nodir.err")
  if ((rc == 3)) && [[ $(wc -l <"$TMP/nodir.err") -eq 1 ]] && [[ ! -e $TMP/khong-co ]]; then
    ok "output in a missing folder: exit 3: $(short "$err")"
  else
    not_ok "output in a missing folder: exit $rc (expected 3), $(wc -l <"$TMP/nodir.err") stderr lines (expected 1): $(short "$err")"
  fi
}

# --help of the program and of render: exit 0 and every option named.
help_checks() {
  local args out rc opt missing
  for args in "--help" "render --help"; do
    # shellcheck disable=SC2086
    out=$("$BIN" $args 2>&1); rc=$?
    missing=()
    for opt in -o --template --part --format; do grep -qF -- "$opt" <<<"$out" || missing+=("$opt"); done
    if ((rc == 0 && ${#missing[@]} == 0)); then ok "kehoach $args: exit 0, names -o --template --part --format"
    elif ((rc != 0)); then not_ok "kehoach $args: exit $rc, expected 0"
    else not_ok "kehoach $args: does not mention ${missing[*]}"; fi
  done
  out=$("$BIN" --version 2>&1); rc=$?
  if ((rc == 0)) && [[ $out =~ [0-9]+\.[0-9]+ ]]; then ok "kehoach --version: $out"
  else not_ok "kehoach --version: exit $rc, printed \"$(short "$out")\""; fi
}

# ---------------------------------------------------------------------------------------------
# b. the text of the PDFs against the real plans

# tests/integration/expected/NAME.txt: the plan from its header to its signature, one item a line,
# as the PDF must show it in order. Taken from the seeds by the functions below; when the seeds
# are there, the expected texts are checked to be still what the seeds say.

# The Đắk Lắk plan.
seed_dak_lak() {
  printf '%s\n' "UBND TỈNH ĐẮK LẮK" "SỞ XÂY DỰNG" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
    "Độc lập - Tự do - Hạnh phúc" "Số:" "/KH-SXD" "Đắk Lắk, ngày" "tháng 6 năm 2026" "KẾ HOẠCH"
  seed_subject "$SEED_DL"
  # The seed's last paragraph ends "… bổ sung./.": the closing "./." must follow the last
  # sentence with nothing between.
  seed_body "$SEED_DL"
  echo "Nơi nhận:"
  seed_recipients "$SEED_DL"
  printf '%s\n' "KT. GIÁM ĐỐC" "PHÓ GIÁM ĐỐC" "Lê Công Du"
}

# The Tuyên Quang plan. Its seed numbers "4. Chế độ thông tin báo cáo" after "2. Văn phòng Sở"
# (a slip in the original); kehoach numbers it 3. Its recipients are left out: the seed ends
# them without punctuation, kehoach with ";" and ".".
seed_tuyen_quang() {
  printf '%s\n' "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "Số:" "/KH-SXD" \
    "Tuyên Quang, ngày" "tháng 01 năm 2026" "KẾ HOẠCH"
  seed_subject "$SEED_TQ"
  seed_body "$SEED_TQ" | sed 's/^4\. Chế độ thông tin báo cáo$/3. Chế độ thông tin báo cáo/'
  echo "Nơi nhận:"
  printf '%s\n' "KT. GIÁM ĐỐC" "PHÓ GIÁM ĐỐC" "Trần Văn Sang"
}

# ---------------------------------------------------------------------------------------------
# e. --part

check_parts() {
  local pdf_app=$TMP/pdf/dak-lak-2026-appendices.pdf pdf_body=$TMP/pdf/dak-lak-2026-body.pdf
  local page1 all last pages
  if [[ -s $pdf_app ]]; then
    page1=$(pdftotext -f 1 -l 1 "$pdf_app" -)
    # A template may write the label in capitals ("PHỤ LỤC", as templates/dak-lak.lua does).
    if grep -qi "Phụ lục" <<<"$page1" && ! grep -q "Nơi nhận" <<<"$page1"; then
      ok "--part appendices: page 1 has \"Phụ lục\" and no \"Nơi nhận\""
    else
      not_ok "--part appendices: page 1 expected \"Phụ lục\" and no \"Nơi nhận\", got: $(short "$page1")"
    fi
  else not_ok "--part appendices: no PDF"; fi
  if [[ -s $pdf_body ]]; then
    pages=$(pdfinfo "$pdf_body" | awk '/^Pages:/ { print $2 }')
    all=$(pdftotext "$pdf_body" -)
    last=$(pdftotext -f "$pages" -l "$pages" "$pdf_body" -)
    if grep -Eqx '[[:space:]]*(Phụ lục|PHỤ LỤC)( [IVXLC]+)?[[:space:]]*' <<<"$all"; then
      not_ok "--part body: a \"Phụ lục\" heading is in the document"
    elif ! grep -q "Lê Công Du" <<<"$last"; then
      not_ok "--part body: last page (of $pages) lacks \"Lê Công Du\": $(short "$last")"
    else
      ok "--part body: no appendix; the last page ($pages) ends with the signature"
    fi
  else not_ok "--part body: no PDF"; fi
}

# ---------------------------------------------------------------------------------------------
# main

mkdir -p "$TMP/docx" "$TMP/pdf"
docs=()
for dir in examples/*/; do
  ex=$(basename "$dir")
  render_ok "$ex" "$dir" "$TMP/docx/$ex.docx" || continue
  validate_docx "$ex" "$TMP/docx/$ex.docx"
  docx_has_subject "$ex" "$TMP/docx/$ex.docx" "$(plan_field "$dir" subject)"
  docs+=("$TMP/docx/$ex.docx")
done
render_ok "dak-lak-2026 --part appendices" examples/dak-lak-2026 \
  "$TMP/docx/dak-lak-2026-appendices.docx" --part appendices && docs+=("$TMP/docx/dak-lak-2026-appendices.docx")
render_ok "dak-lak-2026 --part body" examples/dak-lak-2026 \
  "$TMP/docx/dak-lak-2026-body.docx" --part body && docs+=("$TMP/docx/dak-lak-2026-body.docx")
validate_docx "--part appendices, --part body" "$TMP"/docx/dak-lak-2026-{appendices,body}.docx

((${#docs[@]})) && to_pdf "${docs[@]}"
for d in "${docs[@]}"; do
  pdf=$TMP/pdf/$(basename "$d" .docx).pdf
  if [[ -s $pdf ]]; then ok "$(basename "$d"): LibreOffice converts it to PDF"
  else not_ok "$(basename "$d"): LibreOffice made no PDF: $(short "$(tail -3 "$TMP/soffice.log")")"; fi
done

for ex in dak-lak-2026 tuyen-quang-2026; do
  pdf=$TMP/pdf/$ex.pdf
  [[ -s $pdf ]] || { not_ok "$ex: text order: no PDF"; continue; }
  pdf_text "$pdf" >"$TMP/$ex.txt"
  check_order "$ex: text order against the real plan (expected/$ex.txt)" "$TMP/$ex.txt" "$EXPECTED/$ex.txt"
done
if [[ -f $SEED_DL && -f $SEED_TQ ]]; then
  for ex in dak-lak-2026 tuyen-quang-2026; do
    case $ex in dak-lak-2026) seed_dak_lak ;; tuyen-quang-2026) seed_tuyen_quang ;; esac >"$TMP/$ex.seed"
    if diff -q "$TMP/$ex.seed" "$EXPECTED/$ex.txt" >/dev/null; then
      ok "$ex: expected/$ex.txt is the seed's text ($(wc -l <"$EXPECTED/$ex.txt") items)"
    else
      not_ok "$ex: expected/$ex.txt differs from the seed: $(short "$(diff "$TMP/$ex.seed" "$EXPECTED/$ex.txt" | head -4)")"
    fi
  done
else
  echo "# the seeds ($SEEDS) are not here: the expected texts are not compared with them"
fi

for dir in examples/*/; do
  ex=$(basename "$dir")
  [[ -s $TMP/pdf/$ex.pdf ]] && check_page_numbers "$ex" "$TMP/pdf/$ex.pdf"
done

check_parts
bad_input_checks
help_checks

echo "# $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
