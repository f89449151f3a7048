#!/usr/bin/env bash
# PDF output (LibreOffice headless), standard output, and the line that says what was written,
# checked as a user would: pdfinfo and pdffonts on the PDF, a small PDF/A check
# (tests/lib/check_pdfa.py), the page count against LibreOffice's own PDF of the same DOCX, a
# missing, failing or hanging LibreOffice, signals during the conversion, `-o -` into a pipe and
# onto a terminal (util-linux script gives the pseudo-terminal), English and Vietnamese.
#
#   tests/integration/pdf.sh BIN      (from the repository root)
#
# kehoach's temporary folders are made in a TMPDIR of this test's own, so that any left behind is
# seen. Prints "ok - …" / "not ok - …", the seconds each document takes, and "N passed, M failed".
set -u
BIN=$(readlink -f "${1:?usage: pdf.sh BIN}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3   # the system's, which has python3-pikepdf
for tool in soffice pdfinfo pdffonts script timeout "$PY"; do
  command -v "$tool" >/dev/null || { echo "pdf.sh: $tool not found (run scripts/install-deps)" >&2; exit 2; }
done
"$PY" -c 'import pikepdf' 2>/dev/null || { echo "pdf.sh: pikepdf not found (install python3-pikepdf)" >&2; exit 2; }
env --default-signal=INT true 2>/dev/null || { echo "pdf.sh: env --default-signal not supported" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-pdf-test.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
export TMPDIR=$TMP/tmp LC_ALL=C.UTF-8
unset LANGUAGE
mkdir -p "$TMPDIR" "$TMP/bin"
cd "$ROOT" || exit 2
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
# pdfaid part and conformance from the XMP metadata, as "2 B" (empty when not PDF/A)
pdfaid() { pdfinfo -meta "$1" 2>/dev/null | tr -d '\n ' |
  sed -n 's/.*<pdfaid:part>\([0-9]*\)<\/pdfaid:part>.*<pdfaid:conformance>\([A-Z]*\)<.*/\1 \2/p'; }
# every font embedded: pdffonts lists at least one, each with "yes" in its emb column
fonts_embedded() { pdffonts "$1" 2>/dev/null | awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ } END { exit !(n > 0 && !bad) }'; }
no_leftovers() { [[ -z $(ls -A "$TMPDIR") ]] && ! pgrep -f "$TMPDIR" >/dev/null; }
# one line on stderr, holding TEXT
one_line() { [[ $(wc -l <"$1") -eq 1 ]] && grep -qF -- "$2" "$1"; }
ms() { date +%s%N | cut -c1-13; }

# --- the checker can fail: an unembedded Helvetica, no PDF/A marks --------------------------------
"$PY" - "$TMP/plain.pdf" <<'PY'
import sys, pikepdf
pdf = pikepdf.new()
font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                    Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))))
pdf.pages.append(page)
pdf.save(sys.argv[1], static_id=True)
PY
out=$("$PY" tests/lib/check_pdfa.py "$TMP/plain.pdf")
check "check_pdfa.py refuses a plain PDF with an unembedded font" \
  grep -q 'font /Helvetica not embedded' <<<"$out"
check "check_pdfa.py refuses a PDF not marked PDF/A" grep -q 'not marked PDF/A' <<<"$out"

# --- examples to PDF: PDF/A-2b, fonts embedded, pages as LibreOffice's own PDF of the DOCX ------
times=()
for ex in dak-lak-2026 tuyen-quang-2026 binh-phuoc-2024; do
  pdf=$TMP/$ex.pdf docx=$TMP/$ex.docx
  t0=$(ms)
  if ! "$BIN" render "examples/$ex" -o "$pdf" 2>"$TMP/err"; then
    not_ok "$ex: render to PDF"; sed 's/^/#   /' "$TMP/err"; continue
  fi
  times+=("$ex $(( $(ms) - t0 )) ms")
  # no line saying what was written (stderr is no terminal); check's warnings on the plan, if any
  check "$ex: nothing on stderr but check's warnings when it is not a terminal" \
    test -z "$(grep -v '^kehoach: warning: .* \[[a-z-]*\]$' "$TMP/err")"
  check "$ex: pdfinfo shows PDF/A-2b (pdfaid:part 2, conformance B)" test "$(pdfaid "$pdf")" = "2 B"
  check "$ex: every font embedded (pdffonts)" fonts_embedded "$pdf"
  if out=$("$PY" tests/lib/check_pdfa.py --part 2 --conformance B "$pdf"); then
    ok "$ex: PDF/A check: XMP pdfaid, OutputIntent with its ICC profile, fonts, no encryption, file ID"
  else not_ok "$ex: PDF/A check"; sed 's/^/#   /' <<<"$out"; fi
  "$BIN" render "examples/$ex" -o "$docx" || { not_ok "$ex: render to DOCX"; continue; }
  mkdir -p "$TMP/direct"
  soffice -env:UserInstallation="file://$TMP/lo" --headless --convert-to pdf --outdir "$TMP/direct" "$docx" \
    </dev/null >/dev/null 2>&1
  want=$(pages_of "$TMP/direct/$ex.pdf") got=$(pages_of "$pdf")
  check "$ex: $got pages, as LibreOffice's PDF of the DOCX ($want)" test -n "$want" -a "$got" = "$want"
done
check "no temporary folder left after the conversions" no_leftovers

# --- --pdf-version: each value gives what it says --------------------------------------------------
ex=examples/dak-lak-2026
for v in "pdf-a-3b:3 B:1.6" "pdf-a-1a:1 A:1.4" "1.6::1.6" "1.5::1.5"; do
  IFS=: read -r name aid version <<<"$v"
  pdf=$TMP/v-$name.pdf
  "$BIN" render $ex -o "$pdf" --pdf-version "$name" || { not_ok "--pdf-version $name: render"; continue; }
  check "--pdf-version $name: pdfaid '${aid:-none}', PDF $version" \
    test "$(pdfaid "$pdf")" = "$aid" -a "$(pdfinfo "$pdf" | awk '/^PDF version:/ {print $3}')" = "$version"
  check "--pdf-version $name: every font embedded" fonts_embedded "$pdf"
  if [[ -n $aid ]]; then
    check "--pdf-version $name: PDF/A check" "$PY" tests/lib/check_pdfa.py --part "${aid% *}" --conformance "${aid#* }" "$pdf"
  fi
done
"$BIN" render $ex -o "$TMP/bad.pdf" --pdf-version 2.0 2>"$TMP/err"
rc=$?
check "--pdf-version 2.0: exit 2, one line naming the values, no file" \
  test $rc -eq 2 -a ! -e "$TMP/bad.pdf" -a "$(wc -l <"$TMP/err")" -eq 1
check "--pdf-version for a DOCX: a usage error (exit 2), no file" \
  bash -c '"$0" render "$1" -o "$2" --pdf-version 1.5 2>/dev/null; [[ $? -eq 2 && ! -e $2 ]]' \
  "$BIN" $ex "$TMP/v.docx"

# --- three runs at once --------------------------------------------------------------------------
pids=()
for i in 1 2 3; do "$BIN" render $ex -o "$TMP/c$i.pdf" 2>"$TMP/c$i.err" & pids+=($!); done
all=0
for i in 1 2 3; do wait "${pids[$((i - 1))]}" && [[ $(pdfaid "$TMP/c$i.pdf") == "2 B" ]] && all=$((all + 1)); done
check "three runs at once: all three PDFs written, PDF/A-2b" test $all -eq 3
check "three runs at once: no temporary folder or LibreOffice left" no_leftovers

# --- LibreOffice missing ---------------------------------------------------------------------------
echo "an existing file" >"$TMP/keep.pdf"
cp "$TMP/keep.pdf" "$TMP/keep.orig"
"$BIN" render $ex -o "$TMP/keep.pdf" --soffice /nonexistent/soffice 2>"$TMP/err"
rc=$?
check "--soffice /nonexistent: exit 3, the existing file kept" \
  bash -c '[[ $0 -eq 3 ]] && cmp -s "$1" "$2"' $rc "$TMP/keep.pdf" "$TMP/keep.orig"
check "--soffice /nonexistent: one line naming the option and the Debian package" \
  bash -c 'grep -q -- "--soffice /nonexistent/soffice" "$0" && grep -q libreoffice-writer-nogui "$0" && [[ $(wc -l <"$0") -eq 1 ]]' \
  "$TMP/err"
PATH=$TMP/bin "$BIN" render $ex -o "$TMP/none.pdf" 2>"$TMP/err"
rc=$?
check "no LibreOffice on PATH: exit 3, no output file" test $rc -eq 3 -a ! -e "$TMP/none.pdf"
check "no LibreOffice on PATH: one line naming libreoffice-writer-nogui and --soffice" \
  bash -c 'grep -q -- --soffice "$0" && [[ $(wc -l <"$0") -eq 1 ]] && grep -q libreoffice-writer-nogui "$0"' "$TMP/err"
PATH=$TMP/bin "$BIN" render $ex -o "$TMP/keep.pdf" 2>/dev/null
check "no LibreOffice on PATH: the existing file kept" cmp -s "$TMP/keep.pdf" "$TMP/keep.orig"

# --- a LibreOffice that fails, and one that hangs --------------------------------------------------
cat >"$TMP/bin/failing" <<'SH'
#!/bin/sh
echo "Warning: failed to launch javaldx - java may not function correctly"
echo "Error: source file could not be loaded"
exit 1
SH
cat >"$TMP/bin/silent" <<'SH'
#!/bin/sh
exit 0
SH
# it and its child write their process ids, then wait for ever
cat >"$TMP/bin/hanging" <<SH
#!/bin/sh
sleep 600 &
echo \$! \$\$ >"$TMP/hang.pids"
wait
SH
chmod +x "$TMP/bin/"*
"$BIN" render $ex -o "$TMP/keep.pdf" --soffice "$TMP/bin/failing" 2>"$TMP/err"
rc=$?
check "a LibreOffice that fails: exit 3, its last line in the message, the existing file kept" \
  bash -c '[[ $0 -eq 3 ]] && cmp -s "$1" "$2"' $rc "$TMP/keep.pdf" "$TMP/keep.orig"
check "a LibreOffice that fails: one line quoting 'source file could not be loaded'" \
  one_line "$TMP/err" "source file could not be loaded"
"$BIN" render $ex -o "$TMP/silent.pdf" --soffice "$TMP/bin/silent" 2>"$TMP/err"
rc=$?
check "a LibreOffice that writes no PDF: exit 3, one line, no file" \
  bash -c '[[ $0 -eq 3 && ! -e $1 ]] && [[ $(wc -l <"$2") -eq 1 ]]' $rc "$TMP/silent.pdf" "$TMP/err"
rm -f "$TMP/hang.pids"
t0=$(ms)
timeout 60 "$BIN" render $ex -o "$TMP/keep.pdf" --soffice "$TMP/bin/hanging" --max-seconds 2 2>"$TMP/err"
rc=$? elapsed=$(( $(ms) - t0 ))
check "a LibreOffice that hangs: stopped by --max-seconds 2 (exit 3 after ${elapsed} ms)" \
  test $rc -eq 3 -a $elapsed -lt 10000
check "a LibreOffice that hangs: one line naming the time limit" one_line "$TMP/err" "time limit of 2 s"
check "a LibreOffice that hangs: the existing file kept" cmp -s "$TMP/keep.pdf" "$TMP/keep.orig"
sleep 0.2
check "a LibreOffice that hangs: it and its child are gone" \
  bash -c 'read -r a b <"$0" && ! kill -0 $a 2>/dev/null && ! kill -0 $b 2>/dev/null' "$TMP/hang.pids"
check "a LibreOffice that hangs: no temporary folder left" no_leftovers

# --- signals during the conversion -----------------------------------------------------------------
# wait_for FILE-OR-GLOB: until it exists (at most 20 s)
wait_for() { for _ in $(seq 200); do compgen -G "$1" >/dev/null && return 0; sleep 0.1; done; return 1; }
for sig in INT TERM HUP; do
  rm -f "$TMP/hang.pids" "$TMP/s.pdf"
  env --default-signal=INT "$BIN" render $ex -o "$TMP/s.pdf" --soffice "$TMP/bin/hanging" 2>"$TMP/err" &
  pid=$!
  wait_for "$TMP/hang.pids"
  kill -$sig $pid
  { wait $pid; } 2>/dev/null
  rc=$?
  want=$((128 + $(kill -l $sig)))
  check "SIG$sig during the conversion: ends by it ($rc = $want), one line, no output" \
    bash -c '[[ $0 -eq $1 && ! -e $2 ]] && [[ $(wc -l <"$3") -eq 1 ]]' $rc $want "$TMP/s.pdf" "$TMP/err"
  sleep 0.2
  check "SIG$sig during the conversion: LibreOffice and its child gone, no temporary folder" \
    bash -c 'read -r a b <"$0" && ! kill -0 $a 2>/dev/null && ! kill -0 $b 2>/dev/null' "$TMP/hang.pids"
  check "SIG$sig during the conversion: no temporary folder left" no_leftovers
done
# and with the real LibreOffice, once its profile is being made
env --default-signal=INT "$BIN" render $ex -o "$TMP/s.pdf" 2>"$TMP/err" &
pid=$!
wait_for "$TMPDIR/kehoach-pdf.*/profile"
kill -INT $pid
wait $pid
rc=$?
sleep 0.5
check "SIGINT while LibreOffice works: exit 130, no output, no LibreOffice, no folder left" \
  bash -c '[[ $0 -eq 130 && ! -e $1 ]]' $rc "$TMP/s.pdf"
check "SIGINT while LibreOffice works: no LibreOffice process or folder left" no_leftovers

# --- standard output ------------------------------------------------------------------------------
"$BIN" render $ex -o - --format docx >"$TMP/stdout.docx" 2>"$TMP/err"
rc=$?
if [[ $rc -eq 0 ]] && out=$(tests/lib/validate-output.sh "$TMP/stdout.docx" 2>&1); then
  ok "-o - --format docx into a file: a valid DOCX, nothing on stderr" ; else
  not_ok "-o - --format docx (exit $rc)"; sed 's/^/#   /' <<<"${out:-}" | head -5; fi
check "-o - --format docx: the same document as -o FILE" \
  bash -c '"$0" render "$1" -o "$2" && cmp -s <(unzip -p "$2" word/document.xml) <(unzip -p "$3" word/document.xml)' \
  "$BIN" $ex "$TMP/file.docx" "$TMP/stdout.docx"
"$BIN" render $ex -o - --format odt >"$TMP/stdout.odt" && out=$(tests/lib/validate-output.sh "$TMP/stdout.odt" 2>&1)
check "-o - --format odt into a file: a valid ODT" test $? -eq 0
"$BIN" render $ex -o - --format pdf >"$TMP/stdout.pdf" 2>"$TMP/err"
check "-o - --format pdf into a pipe: a PDF/A-2b, nothing on stderr" \
  bash -c '[[ $("$0" tests/lib/check_pdfa.py --part 2 --conformance B "$1") == "" && ! -s $2 ]]' "$PY" "$TMP/stdout.pdf" "$TMP/err"
"$BIN" render $ex -o - >"$TMP/none.out" 2>"$TMP/err"
rc=$?
check "-o - without --format: exit 2, one line, nothing on stdout" \
  bash -c '[[ $0 -eq 2 && ! -s $1 ]]' $rc "$TMP/none.out"
check "-o - without --format: the line asks for --format" one_line "$TMP/err" "--format"
script -qec "$BIN render $ex -o - --format docx" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
rc=$?
check "-o - onto a terminal: refused, exit 2, one line and no document" \
  bash -c '[[ $0 -eq 2 ]] && grep -q "terminal" "$1" && ! grep -q "PK" "$1" && [[ $(grep -c . "$1") -eq 1 ]]' $rc "$TMP/tty.out"

# --- the line after success ------------------------------------------------------------------------
size_kb() { echo $(( ($(stat -c %s "$1") + 512) / 1024 )); }
script -qec "$BIN render $ex -o $TMP/tty.pdf" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
line=$(tr -d '\r' <"$TMP/tty.out")
want="kehoach: wrote $TMP/tty.pdf — $(pages_of "$TMP/tty.pdf") pages, $(size_kb "$TMP/tty.pdf") KB"
check "at a terminal: '$want'" test "$line" = "$want"
script -qec "$BIN render $ex -o $TMP/tty.docx" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
line=$(tr -d '\r' <"$TMP/tty.out")
check "at a terminal, a DOCX: the file and its size ('$line')" \
  test "$line" = "kehoach: wrote $TMP/tty.docx — $(size_kb "$TMP/tty.docx") KB"
env -u LC_ALL LANG=vi_VN.UTF-8 script -qec "$BIN render $ex -o $TMP/vi.pdf" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
line=$(tr -d '\r' <"$TMP/tty.out")
want="kehoach: đã ghi $TMP/vi.pdf — $(pages_of "$TMP/vi.pdf") trang, $(size_kb "$TMP/vi.pdf") KB"
check "at a terminal with LANG=vi_VN.UTF-8: '$want'" test "$line" = "$want"
env LC_ALL=vi_VN.UTF-8 LANGUAGE=en script -qec "$BIN render $ex -o $TMP/en.docx" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
check "LANGUAGE=en before LC_ALL=vi_VN.UTF-8: English, as gettext decides" grep -q "kehoach: wrote" "$TMP/tty.out"
"$BIN" render $ex -o "$TMP/pipe.docx" 2>"$TMP/err" | cat
check "not at a terminal: nothing said" test ! -s "$TMP/err"
"$BIN" render $ex -o "$TMP/pipe.docx" -v 2>"$TMP/err" | cat
check "not at a terminal with -v: the template and the line" \
  bash -c 'grep -q "^kehoach: template templates/dak-lak.lua$" "$0" && grep -q "^kehoach: wrote $1 — [0-9]* KB$" "$0"' \
  "$TMP/err" "$TMP/pipe.docx"
"$BIN" render $ex -o - --format docx -v 2>"$TMP/err" >"$TMP/v.docx"
check "-o - with -v: stdout holds the document alone, stderr says 'standard output'" \
  bash -c 'unzip -tq "$0" >/dev/null && grep -q "^kehoach: wrote standard output — " "$1"' "$TMP/v.docx" "$TMP/err"

check "no temporary folder or LibreOffice left at the end" no_leftovers
for t in "${times[@]}"; do echo "# time through LibreOffice: $t"; done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
