#!/usr/bin/env bash
# Tests of the drafting workflow: `kehoach check` and `kehoach new`.
#
#   tests/check/run.sh build/kehoach          (from anywhere; paths are the repository's)
#
# 1. cases/*: copies of base/ with one planted mistake each. Each case's `expected` file names
#    the findings that must be reported, one a line:
#        FILE LINE LEVEL RULE [text the message contains]
#    (FILE is the file's name inside the case folder, LINE 0 a finding without a line) and
#    optionally `exit STATUS`; without it the status must be 1 when an error is expected, else 0
#    (warnings do not fail a check).
#    `only`: the report holds no other finding (no line at all: the plan checks clean).
#    `renders`: `kehoach render` writes the plan (exit 0), the document passes
#    tests/lib/validate-output.sh, and each warning render prints is one of check's findings.
#    `refused TEXT`: `kehoach render` refuses the plan (exit 2, no document written) with one
#    error line on stderr (besides its warnings) that holds TEXT.
#    The case folder is also on KEHOACH_TEMPLATE_PATH, for cases that bring a template.
# 2. base/ and every plan in examples/ check without errors; every rule `kehoach check --help`
#    lists has a case.
# 3. `kehoach new examples/dak-lak-2026 --year 2027` gives a plan that renders and says 2027,
#    with no number and no day; a second run onto the same folder fails and changes nothing.
# 4. What check and new print quotes the plan's text escaped, one line each.
# 5. A draft's blanks render as blanks; a blank in a plan ready to sign is refused by render too.
# 6. Headings typed with their numbers render with the computed numbers once.
# 7. check --fix rewrites pasted headings into markup.
#
# Prints one "ok - …" / "not ok - …" line per check and ends with "N passed, M failed".
set -uo pipefail
export LC_ALL=C.UTF-8

BIN=${1:?usage: tests/check/run.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
[[ -x $BIN ]] || { echo "run.sh: $BIN: expected the kehoach binary (run make first)" >&2; exit 2; }
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
command -v "$PY" >/dev/null || { echo "run.sh: python3 not found (it reads the JSON and DOCX output)" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-check.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

PASSED=0 FAILED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
show()   { sed 's/^/#   /' | head -${2:-15}; }

# ---------------------------------------------------------------------------------------------
# 1. the corpus

declare -A COVERED=()
for dir in tests/check/cases/*/; do
  dir=${dir%/}
  name=${dir##*/}
  [[ -f $dir/expected ]] || { not_ok "$name: no expected file"; continue; }
  out=$(KEHOACH_TEMPLATE_PATH=$dir "$BIN" check "$dir" 2>"$TMP/stderr")
  status=$?
  KEHOACH_TEMPLATE_PATH=$dir "$BIN" check --format json "$dir" >"$TMP/json" 2>/dev/null
  want_status=0
  explicit_status=
  only= renders= refused= listed=0
  while read -r file line level rule text; do
    [[ -z $file || $file == \#* ]] && continue
    if [[ $file == exit ]]; then explicit_status=$line; continue; fi
    if [[ $file == only ]]; then only=1; continue; fi
    if [[ $file == renders ]]; then renders=1; continue; fi
    if [[ $file == refused ]]; then refused="$line${level:+ $level}${rule:+ $rule}${text:+ $text}"; continue; fi
    listed=$((listed + 1))
    [[ $level == error ]] && want_status=1
    COVERED[$rule]=1
    found=
    at="$dir/$file:$line"
    [[ $line == 0 ]] && at="$dir/$file"   # a finding without a line is printed without one
    while IFS= read -r l; do
      l=$(sed -E 's/^([^ ]*:[0-9]+):[0-9]+: /\1: /' <<<"$l")   # a column, when known, is not asked for
      [[ $l == "$at: $level: "*"[$rule]" && $l == *"$text"* ]] && { found=1; break; }
    done <<<"$out"
    what="$name: $file:$line: $level [$rule]${text:+ \"$text\"}"
    if [[ -n $found ]]; then ok "$what"; else not_ok "$what"; show <<<"$out"; fi
    # the same finding in the JSON report, which must parse
    if "$PY" - "$TMP/json" "$dir/$file" "$line" "$level" "$rule" "$text" <<'EOF'
import json, sys
path, file, line, level, rule, text = sys.argv[1:7]
r = json.load(open(path, encoding="utf-8"))
assert r["errors"] == sum(f["level"] == "error" for f in r["findings"])
assert r["warnings"] == sum(f["level"] == "warning" for f in r["findings"])
keys = [(f["file"], f["line"]) for f in r["findings"]]
assert keys == sorted(keys), "findings not sorted by file, then line"
sys.exit(0 if any(f["file"] == file and f["line"] == int(line) and f["level"] == level
                  and f["rule"] == rule and text in f["message"] for f in r["findings"]) else 1)
EOF
    then ok "$name: the JSON report has it"; else not_ok "$name: the JSON report has it"; show <"$TMP/json"; fi
  done <"$dir/expected"
  want_status=${explicit_status:-$want_status}
  if [[ $status == "$want_status" ]]; then ok "$name: exit status $status"
  else not_ok "$name: exit status $status, expected $want_status"; show <<<"$out"; show <"$TMP/stderr"; fi
  if [[ -n $only ]]; then
    found=$(grep -c ': \(error\|warning\): ' <<<"$out")
    if [[ $found == "$listed" ]]; then ok "$name: no other finding ($found)"
    else not_ok "$name: $found findings, expected only the $listed listed"; show <<<"$out"; fi
  fi
  if [[ -n $refused ]]; then
    rendered=$TMP/$name.docx
    KEHOACH_TEMPLATE_PATH=$dir "$BIN" render "$dir" -o "$rendered" 2>"$TMP/render.err"
    status=$?
    if [[ $status == 2 && ! -e $rendered && $(grep -vc '^kehoach: warning: ' "$TMP/render.err") == 1 ]] &&
       grep -v '^kehoach: warning: ' "$TMP/render.err" | grep -qF -- "$refused"; then ok "$name: render refuses it: $refused"
    else not_ok "$name: render refuses it (exit $status): $refused"; show <"$TMP/render.err"; fi
  fi
  if [[ -n $renders ]]; then
    rendered=$TMP/$name.docx
    if KEHOACH_TEMPLATE_PATH=$dir "$BIN" render "$dir" -o "$rendered" 2>"$TMP/render.err" &&
       tests/lib/validate-output.sh "$rendered" >"$TMP/validate" 2>&1; then
      ok "$name: renders, the document is valid"
    else not_ok "$name: renders, the document is valid"; show <"$TMP/render.err"; show <"$TMP/validate"; fi
    stray=
    while IFS= read -r l; do
      [[ $l == "kehoach: warning: "* ]] || continue
      w=${l#kehoach: warning: }
      where=${w%%: *} msg=${w#*: }
      grep -qxF -- "$where: warning: $msg" <<<"$out" || stray+="$l"$'\n'
    done <"$TMP/render.err"
    if [[ -z $stray ]]; then ok "$name: render warns of what check reports, no more"
    else not_ok "$name: render warns of what check does not report"; show <<<"$stray"; fi
  fi
done

rules=$("$BIN" check --help | awk '/^Rules:/ { on = 1; sub(/^Rules:/, "") } on && /^$/ { on = 0 } on' |
        tr ',.' '\n\n' | tr -d ' ' | grep -v '^$')
missing=
for rule in $rules; do [[ -n ${COVERED[$rule]:-} ]] || missing+=" $rule"; done
if [[ -n $rules && -z $missing ]]; then ok "every rule of kehoach check --help has a case ($(wc -w <<<"$rules") rules)"
else not_ok "rules without a case:${missing:- (no rules listed)}"; fi

# ---------------------------------------------------------------------------------------------
# 2. plans without errors

out=$("$BIN" check tests/check/base 2>&1)
status=$?
if [[ $status == 0 && $(grep -c ': \(error\|warning\): ' <<<"$out") == 0 ]]; then ok "base: no findings"
else not_ok "base: no findings (exit $status)"; show <<<"$out"; fi
for ex in examples/*/; do
  ex=${ex%/}
  out=$("$BIN" check "$ex" 2>&1)
  status=$?
  if [[ $status == 0 ]]; then ok "$ex: no errors$(grep -q ': warning: ' <<<"$out" && echo " (warnings: $(grep -o '\[[a-z-]*\]$' <<<"$out" | sort -u | tr '\n' ' '))")"
  else not_ok "$ex: no errors (exit $status)"; show <<<"$out"; fi
done

# ---------------------------------------------------------------------------------------------
# 3. kehoach new

NEW=$TMP/dak-lak-2027
out=$("$BIN" new examples/dak-lak-2026 --year 2027 -o "$NEW" 2>&1)
status=$?
if [[ $status == 0 && -f $NEW/plan.lua && -f $NEW/body.txt && -f $NEW/phu-luc.csv ]]; then ok "new: wrote $(tail -1 <<<"$out" | sed 's/^[^:]*: //')"
else not_ok "new: exit $status"; show <<<"$out"; fi
grep -q '^body.txt:13:40: "…Kế hoạch CCHC năm 2026 của Sở được hoàn…" → "…Kế hoạch CCHC năm 2027 của Sở được hoàn…"$' <<<"$out" &&
  grep -q '^phu-luc.csv:2:120: "…phòng, đơn vị",Quý III/2026,Kế hoạch được ban…" → "…phòng, đơn vị",Quý III/2027,Kế hoạch được ban…"$' <<<"$out" &&
  grep -q '^plan.lua:11:10: "date = "2026-06", -- "ngày tháng…" → "date = "2027-06", -- "ngày tháng…"$' <<<"$out" &&
  ! grep -q '^body.txt:1:' <<<"$out" &&
  ok "new: prints each change as FILE:LINE:COLUMN: \"…before…\" → \"…after…\"; the cited plan's title is not changed" ||
  { not_ok "new: prints each change"; show <<<"$out"; }
if grep -Eq '^\s*number\s*=\s*nil\b' "$NEW/plan.lua" || ! grep -Eq '^\s*number\s*=' "$NEW/plan.lua"; then ok "new: no number"
else not_ok "new: no number"; grep -n 'number' "$NEW/plan.lua" | show; fi
if grep -Eq '^\s*date\s*=\s*"2027-06"' "$NEW/plan.lua"; then ok "new: date = \"2027-06\" (no day)"
else not_ok "new: date = \"2027-06\""; grep -n 'date' "$NEW/plan.lua" | show; fi
if grep -Eq '^\s*subject\s*=.*năm 2027' "$NEW/plan.lua" && ! grep -Eq '^\s*subject\s*=.*năm 2026' "$NEW/plan.lua"; then ok "new: the subject says năm 2027"
else not_ok "new: the subject says năm 2027"; grep -n 'subject' "$NEW/plan.lua" | show; fi
if grep -q 'Quý III/2027' "$NEW/phu-luc.csv" && grep -q 'Năm 2027' "$NEW/phu-luc.csv" && ! grep -q '2026' "$NEW/phu-luc.csv"; then
  ok "new: the appendix table says Quý III/2027, Năm 2027"
else not_ok "new: the appendix table says Quý III/2027, Năm 2027"; grep -n '202[67]' "$NEW/phu-luc.csv" | show; fi
if grep -q 'số 266/KH-UBND ngày 23/6/2026' "$NEW/body.txt" && grep -q 'tỉnh Đắk Lắk năm 2026; căn cứ' "$NEW/body.txt" &&
   grep -q 'công tác cải cách hành chính năm 2026\.' "$NEW/body.txt"; then
  ok "new: the cited plan's number, date and title stay; \"năm 2025\" became \"năm 2026\""
else not_ok "new: cited dates stay"; fi
out=$("$BIN" check "$NEW" 2>&1)
[[ $? == 0 ]] && ok "new: the new plan checks without errors" || { not_ok "new: the new plan checks without errors"; show <<<"$out"; }
if out=$("$BIN" render "$NEW" -o "$NEW.docx" 2>&1); then ok "new: the new plan renders"
else not_ok "new: the new plan renders"; show <<<"$out"; fi
if out=$(tests/lib/validate-output.sh "$NEW.docx" 2>&1); then ok "new: the new plan's document is well-formed XML in NFC, valid against the schemas"
else not_ok "new: the new plan's document is valid"; show <<<"$out"; fi
if [[ -f $NEW.docx ]] && "$PY" - "$NEW.docx" <<'EOF'
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
need = ["tỉnh Đắk Lắk năm 2027 của Sở Xây dựng",   # the subject
        "Số:      /KH-SXD",                          # no number
        "Đắk Lắk, ngày      tháng 6 năm 2027",       # no day
        "Quý III/2027", "Năm 2027"]                  # the appendix
missing = [n for n in need if n not in text]
if missing: print("missing:", missing); sys.exit(1)
EOF
then ok "new: the document says 2027: subject, blank number and day, appendix periods"
else not_ok "new: the document says 2027"; fi

before=$(cd "$NEW" && find . -type f -exec sha256sum {} + | sort)
out=$("$BIN" new examples/dak-lak-2026 --year 2028 -o "$NEW" 2>&1)
status=$?
after=$(cd "$NEW" && find . -type f -exec sha256sum {} + | sort)
if [[ $status == 2 && $(wc -l <<<"$out") == 1 && $before == "$after" ]]; then ok "new: onto an existing folder: exit 2, one line, the folder unchanged"
else not_ok "new: onto an existing folder: exit $status"; show <<<"$out"; fi
leftover=$(find "$TMP" -maxdepth 1 -name '.*kehoach*')
[[ -z $leftover ]] && ok "new: no temporary folder left behind" || not_ok "new: left behind: $leftover"

# ranges stay unless --shift-ranges
"$BIN" new examples/tuyen-quang-2026 --year 2031 -o "$TMP/tq" >/dev/null 2>&1
"$BIN" new examples/tuyen-quang-2026 --year 2031 -o "$TMP/tq-shift" --shift-ranges >/dev/null 2>&1
if grep -q 'giai đoạn 2026-2030' "$TMP/tq/plan.lua" && grep -q 'giai đoạn 2031-2035' "$TMP/tq-shift/plan.lua" &&
   grep -q 'date = "2031-01"' "$TMP/tq/plan.lua"; then ok "new: \"giai đoạn 2026-2030\" moves only with --shift-ranges"
else not_ok "new: \"giai đoạn 2026-2030\" moves only with --shift-ranges"; fi

# a bundle: the first document's number cleared; the bases' cited dates and numbers stay
"$BIN" new examples/binh-phuoc-2024 --year 2025 -o "$TMP/bp" >/dev/null 2>&1
if grep -q 'number = nil, symbol = "QĐ-SXD", date = "2025-01",' "$TMP/bp/plan.lua" &&
   grep -q 'số 2142/QĐ-UBND ngày 29/12/2023 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2024 trên' "$TMP/bp/plan.lua" &&
   grep -q 'UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2024 trên địa bàn tỉnh Bình Phước. Sở Xây dựng ban hành kế hoạch cải cách hành chính năm 2025, cụ thể' "$TMP/bp/ke-hoach.txt" &&
   grep -q 'số 34/2020/QĐ-UBND ngày 29/12/2020' "$TMP/bp/plan.lua"; then
  ok "new: a bundle: number = nil, date = \"2025-01\", cited numbers, dates and titles kept"
else not_ok "new: a bundle"; grep -n 'number =\|2142' "$TMP/bp/plan.lua" | show; fi

out=$("$BIN" new examples/dak-lak-2026 -o "$TMP/x" 2>&1)
[[ $? == 2 && ! -e $TMP/x ]] && ok "new: without --year: exit 2" || { not_ok "new: without --year"; show <<<"$out"; }

# planted sentences of each kind (tests/check/new/body.txt, bang.csv): the changes listed are
# exactly those of tests/check/new/changes, each column points at the text replaced, a dry run
# writes nothing and lists what the real run then does
PLANTED=tests/check/new
before=$(find "$PLANTED" -type f -exec sha256sum {} + | sort)
out=$("$BIN" new "$PLANTED" --year 2025 --dry-run -o "$TMP/planted" 2>&1)
status=$?
after=$(find "$PLANTED" -type f -exec sha256sum {} + | sort)
if [[ $status == 0 && $before == "$after" && ! -e $TMP/planted ]] && [[ -z $(find "$TMP" -maxdepth 1 -name '.planted*') ]] &&
   [[ $(tail -1 <<<"$out") == "$TMP/planted: the plan for 2025 (from 2024) would have 29 changes in 3 files; dry run: nothing was written" ]]
then ok "new --dry-run: lists 29 changes, says nothing was written, writes nothing"
else not_ok "new --dry-run (exit $status)"; show <<<"$out"; fi
if diff <(sed '$d' <<<"$out") <(sed '$d' "$PLANTED/changes") >"$TMP/planted.diff"; then
  ok "new: planted sentences: cited titles and dates, past results, ranges and horizons stay; periods and deadlines move, 29/02 → 28/02"
else not_ok "new: planted sentences: the changes differ from $PLANTED/changes"; show <"$TMP/planted.diff"; fi
out_real=$("$BIN" new "$PLANTED" --year 2025 -o "$TMP/planted" 2>&1)
if [[ $? == 0 ]] && diff <(sed '$d' <<<"$out_real") <(sed '$d' <<<"$out") >/dev/null &&
   "$BIN" check "$TMP/planted" >/dev/null 2>&1 &&
   "$PY" - "$PLANTED" "$TMP/planted" 3<<<"$out_real" <<'EOF'
# Each change FILE:LINE:COLUMN: "before" → "after": the context is quoted from LINE of the old
# FILE; COLUMN (in characters, from 1) is where the word that changes starts (the year, the
# day of a 29/02, the value of a field); the new file's line is not the old one.
import re, sys
old, new = sys.argv[1], sys.argv[2]
bad = []
for row in open(3, encoding="utf-8").read().splitlines()[:-1]:
    m = re.match(r'^([^:]+):(\d+):(\d+): "(.*)" → "(.*)"$', row)
    if not m: bad.append("not FILE:LINE:COLUMN: " + row); continue
    f, n, col, b, a = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)
    b0, a0 = b.strip("…"), a.strip("…")
    k = next(i for i in range(min(len(b0), len(a0))) if b0[i] != a0[i])
    line = open(f"{old}/{f}", encoding="utf-8").read().split("\n")[n - 1]
    nline = open(f"{new}/{f}", encoding="utf-8").read().split("\n")[n - 1]
    if b0 not in re.sub(r"\s+", " ", line): bad.append(f"{row}: the context is not in the line")
    j = k                    # the start of the word or quoted value that changes
    while j > 0 and (b0[j - 1].isalnum() or b0[j - 1] == '"'):
        j -= 1
    if line[col - 1:col + k - j] != b0[j:k + 1]:
        bad.append(f"{row}: column {col} is at {line[col - 1:col + 9]!r}, not at {b0[j:j + 10]!r}")
    if line == nline: bad.append(f"{row}: the new file's line is unchanged")
if bad: print("\n".join(bad)); sys.exit(1)
EOF
then ok "new: the real run lists what the dry run listed; each column points at the text replaced; the new plan checks"
else not_ok "new: the real run and the columns"; show <<<"$out_real"; fi
for kept in 'Kế hoạch số 266/KH-UBND ngày 23/6/2024 của UBND tỉnh về cải cách hành chính năm 2024; Sở Xây dựng ban hành Kế hoạch cải cách hành chính năm 2025' \
            'của bộ phận một cửa năm 2024 của Sở Xây dựng và nhiệm vụ năm 2025 được giao' \
            'Năm 2023, Chỉ số cải cách hành chính của Sở đạt 87,20 điểm' \
            'đạt 98,5% năm 2023; các xã đạt tỉ lệ theo kế hoạch năm 2024' 'So với năm 2022, kết quả năm 2023 tăng 2 bậc' \
            'Luật Đất đai năm 2024 và Công văn số 1234/SXD-VP ngày 29/02/2024' 'Ngày 15/3/2024 họp giao ban; giai đoạn 2021-2025; đến năm 2030' \
            'Chậm nhất ngày 28 tháng 02 năm 2025 và hạn chót: 28/02/2025' 'Trước ngày 31/12/2025' 'Thời hạn: 15/11/2025; tính đến ngày 31/12/2023 đã' 'Quý IV/2025, tháng 12/2025 và 6 tháng đầu năm 2025'; do
  if grep -qF "$kept" "$TMP/planted/body.txt"; then ok "new: planted: the new body says: $kept"
  else not_ok "new: planted: not in the new body: $kept"; fi
done

# 4. What check and new print quotes the plan's text: one line each, no terminal escapes.
raw_control() { LC_ALL=C grep -aqP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]'; }
ESC_PLAN=$TMP/escapes
cp -r tests/check/base "$ESC_PLAN"
printf '\nNăm 2026 \342\200\256 xong.\n' >>"$ESC_PLAN/body.txt"
sed -i 's|^return {|return {\n  ["x\\27[31m\\nkehoach: error: fake"] = 1,|' "$ESC_PLAN/plan.lua"
mkfifo "$ESC_PLAN/$(printf 'pipe\033[1A')"
out=$("$BIN" check "$ESC_PLAN" 2>&1)
if ! raw_control <<<"$out" && grep -qF "unknown field 'x\\x1b[31m\\nkehoach: error: fake'" <<<"$out" &&
   ! grep -q '^kehoach: error: fake' <<<"$out"; then ok "check: a field name with escapes and a newline is shown escaped, in one line"
else not_ok "check: a field name with escapes"; show <<<"$out" | cat -v; fi
# new refuses a plan with an unknown field, as render does: it gets the plan without that one
sed -i '/kehoach: error: fake"\] = 1,$/d' "$ESC_PLAN/plan.lua"
out=$("$BIN" new "$ESC_PLAN" --year 2027 -o "$TMP/escapes-new" 2>"$TMP/new.err")
status=$?
err=$(cat "$TMP/new.err")
if [[ $status == 0 ]] && ! raw_control <"$TMP/new.err" && ! raw_control <<<"$out" &&
   grep -qF 'body.txt:21:5: "Năm 2026 \u202e xong." → "Năm 2027 \u202e xong."' <<<"$out" &&
   grep -q '^kehoach: warning: new: .*pipe\\x1b\[1A: not a regular file or folder, not copied$' <<<"$err" &&
   [[ $(grep -vc '^kehoach: warning: ' <<<"$err") == 0 ]]; then
  ok "new: the changes and the warnings quote the plan's text escaped"
else not_ok "new: changes and warnings escaped (exit $status)"; { echo "$out"; echo "$err"; } | show 30 | cat -v; fi

# ---------------------------------------------------------------------------------------------
# 5. A draft's blanks render as the decree's blanks; the same blank in a plan ready to sign is
#    refused by render as check reports it.
mkdir -p "$TMP/drafts"
for fmt in docx odt; do
  out=$TMP/drafts/draft.$fmt
  if "$BIN" render tests/check/cases/draft-blanks -o "$out" 2>"$TMP/drafts/err" &&
     tests/lib/validate-output.sh "$out" >/dev/null 2>&1 &&
     "$PY" - "$out" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
xml = z.read("word/document.xml" if sys.argv[1].endswith(".docx") else "content.xml").decode()
text = re.sub(r"<[^>]+>", "", re.sub(r"</(w:p|text:p|text:h)>", "\n", xml))
assert re.search(r"^………, ngày +tháng 6 năm 2026$", text, re.M), "no blank place in the date line"
assert "Lê Công Du" not in text and "PHÓ GIÁM ĐỐC" in text, "the signer's name is not blank"
PY
  then ok "render: a draft's blank place and signer's name print as blanks ($fmt)"
  else not_ok "render: a draft with blanks ($fmt)"; show <"$TMP/drafts/err"; fi
done
"$BIN" render tests/check/cases/required-place-blank -o "$TMP/drafts/ready.docx" 2>"$TMP/drafts/err"
status=$?
if [[ $status == 2 && ! -e $TMP/drafts/ready.docx ]] && grep -q "place" "$TMP/drafts/err"; then
  ok "render: a plan ready to sign with a blank place is refused (exit 2), as check reports it"
else not_ok "render: blank place in a plan ready to sign (exit $status)"; show <"$TMP/drafts/err"; fi

# ---------------------------------------------------------------------------------------------
# 6. Headings pasted with typed numbers: render prints each number once, the computed one, and
#    warns where the typed one differs, as check does.
for case in heading-number-same heading-number-roman; do
  out=$TMP/drafts/$case.docx
  if "$BIN" render "tests/check/cases/$case" -o "$out" 2>"$TMP/drafts/err" &&
     tests/lib/validate-output.sh "$out" >/dev/null 2>&1 &&
     "$PY" - "$out" <<'PY'
import sys, docx
heads = [p.text for p in docx.Document(sys.argv[1]).paragraphs if p.style.style_id.startswith("Heading")]
assert heads[:2] == ["MỤC TIÊU", "Mục tiêu chung"], heads
PY
  then
    if [[ $case == heading-number-same ]]; then want=0; else want=1; fi
    n=$(grep -c 'typed number "II.", but it is number "I.".*\[heading-number\]$' "$TMP/drafts/err")
    if [[ $n == "$want" && $(wc -l <"$TMP/drafts/err") == "$want" ]]; then
      ok "render: $case: the typed heading numbers left out, the computed ones printed ($want warning)"
    else not_ok "render: $case: warnings"; show <"$TMP/drafts/err"; fi
  else not_ok "render: $case"; show <"$TMP/drafts/err"; fi
done

# ---------------------------------------------------------------------------------------------
# 7. check --fix mends a body pasted from a Word file: each change printed, the file rewritten,
#    a second run changes nothing; a body that is a symbolic link is not written through.
FIX=$TMP/fix
cp -r tests/check/cases/typed-heading "$FIX"
sed -i 's/^# MỤC TIÊU/# II. MỤC TIÊU/' "$FIX/body.txt"
out=$("$BIN" check --fix "$FIX" 2>&1)
want=$(printf '%s\n' "$FIX/body.txt:4: \"# II. MỤC TIÊU\" → \"# MỤC TIÊU\"" \
  "$FIX/body.txt:16: \"II. TỔ CHỨC THỰC HIỆN\" → \"# TỔ CHỨC THỰC HIỆN\"" \
  "$FIX/body.txt:18: \"1. Nhiệm vụ chung\" → \"## Nhiệm vụ chung\"" "3 lines fixed")
if [[ $(grep -v ' \[[a-z-]*\]$' <<<"$out" | grep -v ' errors\?, ') == "$want" ]] &&
   grep -qx '# TỔ CHỨC THỰC HIỆN' "$FIX/body.txt" && grep -qx '## Nhiệm vụ chung' "$FIX/body.txt" &&
   grep -qx '# MỤC TIÊU' "$FIX/body.txt" && [[ $("$BIN" check "$FIX" | tail -1) == *": 0 errors, 0 warnings" ]] &&
   [[ $("$BIN" check --fix "$FIX" | tail -1) == "0 lines fixed" ]] && [[ -z $(ls -A "$FIX" | grep kehoach) ]]; then
  ok "check --fix: the pasted headings become markup, each change printed; a second run changes nothing"
else not_ok "check --fix"; show <<<"$out"; fi
LINKED=$TMP/fix-linked
cp -r tests/check/cases/typed-heading "$LINKED"
mv "$LINKED/body.txt" "$TMP/outside-body.txt"
ln -s "$TMP/outside-body.txt" "$LINKED/body.txt"
cp "$TMP/outside-body.txt" "$TMP/outside-before.txt"
"$BIN" check --fix "$LINKED" >/dev/null 2>&1
if cmp -s "$TMP/outside-body.txt" "$TMP/outside-before.txt" && [[ -L $LINKED/body.txt ]]; then
  ok "check --fix: a body that is a symbolic link is not written through"
else not_ok "check --fix wrote through a symbolic link"; fi
if ! "$BIN" check --fix --format json "$FIX" >/dev/null 2>"$TMP/fix.err" && grep -q "without --format json" "$TMP/fix.err"; then
  ok "check --fix with --format json is refused with a hint"
else not_ok "check --fix --format json"; show <"$TMP/fix.err"; fi

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
