#!/usr/bin/env bash
# Render every example with every template, as DOCX and ODT (whole plan and appendices alone),
# and keep the unzipped parts: a refactor that must not change the output is checked by saving
# the parts before it and comparing after.
#
#   tools/same-parts.sh BIN save DIR      render and store the parts under DIR (replaced)
#   tools/same-parts.sh BIN compare DIR   render again, diff against DIR: exit 1 and a short
#                                         summary when a part differs, 0 when all are the same
# SOURCE_DATE_EPOCH is fixed, so the dates in the parts do not differ between runs.
set -uo pipefail
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000

usage() { echo "usage: tools/same-parts.sh BIN save|compare DIR" >&2; exit 2; }
[[ $# -eq 3 ]] || usage
BIN=$(readlink -f "$1") MODE=$2 DIR=$3
[[ $MODE == save || $MODE == compare ]] || usage
[[ -x $BIN ]] || { echo "same-parts.sh: $1: not an executable" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
command -v unzip >/dev/null || { echo "same-parts.sh: unzip not found" >&2; exit 2; }

OUT=$(mktemp -d "${TMPDIR:-/tmp}/same-parts.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT

# render NAME ARGS…: render into $OUT/NAME (a folder of the unzipped parts, or an "error" file
# holding the exit status and message when the render fails: failures must stay the same too).
render() {
  local name=$1 file; shift
  file=$OUT/tmp.${name##*.}
  mkdir -p "$OUT/$name"
  if "$BIN" render "$@" -o "$file" 2>"$OUT/$name.err"; then
    unzip -q -o "$file" -d "$OUT/$name" || echo "unzip failed" >>"$OUT/$name.err"
  else
    echo "exit $?" >>"$OUT/$name.err"
  fi
  rm -f "$file"
  [[ -s $OUT/$name.err ]] || rm -f "$OUT/$name.err"
}

n=0
for ex in "$ROOT"/examples/*/; do
  ex=${ex%/}
  for fmt in docx odt; do
    render "$(basename "$ex").$fmt" "$ex"
    render "$(basename "$ex")-appendices.$fmt" "$ex" --part appendices
    for t in "$ROOT"/templates/*.lua; do
      render "$(basename "$ex")-$(basename "$t" .lua).$fmt" "$ex" --template "$t"
      n=$((n + 1))
    done
    n=$((n + 2))
  done
done

if [[ $MODE == save ]]; then
  rm -rf "$DIR" && mkdir -p "$(dirname "$DIR")" && cp -r "$OUT" "$DIR" || exit 2
  rm -f "$DIR/tmp."* 2>/dev/null
  echo "same-parts.sh: $n renders saved in $DIR"
  exit 0
fi
[[ -d $DIR ]] || { echo "same-parts.sh: $DIR: nothing saved there" >&2; exit 2; }
if diff -rq "$DIR" "$OUT" >"$OUT.diff" 2>&1; then
  rm -f "$OUT.diff"
  echo "same-parts.sh: $n renders, every part the same as in $DIR"
  exit 0
fi
echo "same-parts.sh: parts differ from $DIR ($(wc -l <"$OUT.diff") files):"
sed "s|$OUT|NEW|g; s|$DIR|SAVED|g" "$OUT.diff" | head -20
# The first differing part, a few lines of it (parts are mostly one long line: fold at tags).
first=$(sed -n 's/^Files \(.*\) and \(.*\) differ$/\1/p' "$OUT.diff" | head -1)
if [[ -n $first ]]; then
  rel=${first#"$DIR"/}
  echo "first difference in $rel:"
  diff <(sed 's/></>\n</g' "$DIR/$rel") <(sed 's/></>\n</g' "$OUT/$rel") | head -12
fi
rm -f "$OUT.diff"
exit 1
