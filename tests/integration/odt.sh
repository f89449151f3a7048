#!/usr/bin/env bash
# Integration tests for the ODT writer: render every example as ODT, check the package layout
# (mimetype first, stored, no extra field), validate the parts against the OpenDocument 1.3
# schemas, and compare with the DOCX of the same plan through LibreOffice: the same page count
# and the same text (white space folded).
#
#   tests/integration/odt.sh build/kehoach          (run from anywhere)
#
# Prints one "ok - …" / "not ok - …" line per check and ends with "N passed, M failed"; exits
# non-zero when a check failed. Environment: KH_SCHEMAS (default tests/schemas, relative to
# the repository root).
set -uo pipefail
export LC_ALL=C.UTF-8

BIN=${1:?usage: tests/integration/odt.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
SCHEMAS=${KH_SCHEMAS:-tests/schemas}

die() { echo "odt.sh: $*" >&2; exit 2; }
[[ -x $BIN ]] || die "$BIN: expected the kehoach binary (run make first)"
ODF_RNG=$SCHEMAS/odf/OpenDocument-v1.3-schema.rng
MANIFEST_RNG=$SCHEMAS/odf/OpenDocument-v1.3-manifest-schema.rng
[[ -f $ODF_RNG && -f $MANIFEST_RNG ]] ||
  die "$SCHEMAS/odf: OpenDocument 1.3 schemas not found (set KH_SCHEMAS)"
ODF_RNG=$(cd "$(dirname "$ODF_RNG")" && pwd)/$(basename "$ODF_RNG")
MANIFEST_RNG=$(dirname "$ODF_RNG")/$(basename "$MANIFEST_RNG")
for tool in jing soffice pdftotext pdfinfo unzip zipinfo od; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps)"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-odt.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$TMP"' EXIT

PASSED=0 FAILED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
# check DESCRIPTION COMMAND…: ok when the command succeeds; its output is shown when it does not.
check() {
  local what=$1 out; shift
  if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what"; [[ -n $out ]] && head -20 <<<"$out" | sed 's/^/#   /'; fi
}

# The zip's first local header: "mimetype", stored (method 0), no extra field, the ODT media
# type as its bytes; and the same entry in the central directory without an extra field.
mimetype_first() {
  local f=$1
  local sig method namelen extralen name data
  sig=$(od -An -tx1 -N4 "$f" | tr -d ' \n')
  method=$(od -An -tu2 -j8 -N2 --endian=little "$f" | tr -d ' ')
  namelen=$(od -An -tu2 -j26 -N2 --endian=little "$f" | tr -d ' ')
  extralen=$(od -An -tu2 -j28 -N2 --endian=little "$f" | tr -d ' ')
  name=$(dd if="$f" bs=1 skip=30 count="$namelen" 2>/dev/null)
  data=$(dd if="$f" bs=1 skip=$((30 + namelen + extralen)) count=39 2>/dev/null)
  [[ $sig == 504b0304 ]] || { echo "not a zip file (signature $sig)"; return 1; }
  [[ $name == mimetype ]] || { echo "first entry is '$name', expected mimetype"; return 1; }
  [[ $method == 0 ]] || { echo "mimetype compression method $method, expected 0 (stored)"; return 1; }
  [[ $extralen == 0 ]] || { echo "mimetype local extra field is $extralen bytes, expected none"; return 1; }
  [[ $data == application/vnd.oasis.opendocument.text ]] || { echo "mimetype holds '$data'"; return 1; }
  local info central
  info=$(zipinfo -v "$f" mimetype 2>&1) || { echo "zipinfo cannot read mimetype: $info"; return 1; }
  central=$(grep -m1 'length of extra field' <<<"$info")
  [[ $central == *" 0 bytes"* ]] || { echo "central directory: ${central:-no extra field length}"; return 1; }
}

# Every part well-formed XML in NFC; content, styles, meta, settings and the manifest valid
# against OpenDocument 1.3 (tests/lib/validate-output.sh).
validate() { KH_ODF_VALIDATOR=jing KH_SCHEMAS=$(cd "$SCHEMAS" && pwd) "$ROOT/tests/lib/validate-output.sh" "$@"; }

folded_text() { pdftotext "$1" - | tr -s ' \t\n\f\r' ' '; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

same_pages() {
  local a b
  a=$(pages "$1"); b=$(pages "$2")
  [[ -n $a && $a == "$b" ]] || { echo "DOCX $a pages, ODT $b pages"; return 1; }
  echo "$a pages"
}

same_text() {
  local a=$TMP/a.txt b=$TMP/b.txt
  folded_text "$1" | tr ' ' '\n' >"$a"
  folded_text "$2" | tr ' ' '\n' >"$b"
  [[ -s $a ]] || { echo "no text in $1"; return 1; }
  cmp -s "$a" "$b" && return 0
  echo "first differences (word per line, < DOCX, > ODT):"
  diff "$a" "$b" | head -12
  return 1
}

EXAMPLES=()
for d in examples/*/; do [[ -f $d/plan.lua ]] && EXAMPLES+=("$(basename "$d")"); done
((${#EXAMPLES[@]} > 0)) || die "no examples found under examples/"

mkdir -p "$TMP/docx" "$TMP/odt" "$TMP/pdf-docx" "$TMP/pdf-odt"
CONVERT=()
for ex in "${EXAMPLES[@]}"; do
  odt=$TMP/odt/$ex.odt docx=$TMP/docx/$ex.docx
  if ! out=$("$BIN" render "examples/$ex" -o "$odt" 2>&1); then
    not_ok "$ex: render ODT"; sed 's/^/#   /' <<<"$out"; continue
  fi
  ok "$ex: render ODT"
  check "$ex: mimetype is the first entry, stored, without an extra field" mimetype_first "$odt"
  check "$ex: every part well-formed XML in NFC; content.xml, styles.xml, meta.xml, settings.xml, META-INF/manifest.xml valid against OpenDocument 1.3" validate "$odt"
  if ! out=$("$BIN" render "examples/$ex" -o "$docx" 2>&1); then
    not_ok "$ex: render DOCX"; sed 's/^/#   /' <<<"$out"; continue
  fi
  CONVERT+=("$ex")
done

# One LibreOffice run for each format (a run costs seconds); a private profile so a desktop
# LibreOffice does not get in the way.
LO=(soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf)
PAIRS=()
for ex in "${CONVERT[@]}"; do PAIRS+=("$TMP/docx/$ex.docx"); done
((${#PAIRS[@]} > 0)) && "${LO[@]}" --outdir "$TMP/pdf-docx" "${PAIRS[@]}" >/dev/null 2>&1
PAIRS=()
for ex in "${CONVERT[@]}"; do PAIRS+=("$TMP/odt/$ex.odt"); done
((${#PAIRS[@]} > 0)) && "${LO[@]}" --outdir "$TMP/pdf-odt" "${PAIRS[@]}" >/dev/null 2>&1

for ex in "${CONVERT[@]}"; do
  a=$TMP/pdf-docx/$ex.pdf b=$TMP/pdf-odt/$ex.pdf
  if [[ ! -s $a || ! -s $b ]]; then
    not_ok "$ex: LibreOffice converts the DOCX and the ODT to PDF"
    continue
  fi
  if out=$(same_pages "$a" "$b"); then ok "$ex: same page count as the DOCX ($out)"; else not_ok "$ex: same page count as the DOCX"; sed 's/^/#   /' <<<"$out"; fi
  check "$ex: same text as the DOCX (white space folded)" same_text "$a" "$b"
done

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
