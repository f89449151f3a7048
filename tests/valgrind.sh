#!/usr/bin/env bash
# Valgrind memcheck of the integration renders: every example to DOCX and to ODT, with the
# binary built without sanitizers. Any invalid read or write, use of uninitialised memory, or
# leak (definite or indirect) fails the run, as does an output tests/lib/validate-output.sh refuses.
#
#   tests/valgrind.sh build/kehoach
#
# Prints "ok - …" / "not ok - …" per render and ends with "N passed, M failed".
set -uo pipefail
BIN=${1:?usage: tests/valgrind.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind not found (run scripts/install-deps)" >&2; exit 2; }
if ldd "$BIN" 2>/dev/null | grep -q 'libasan\|libubsan'; then
  echo "valgrind.sh: $BIN is a sanitizer build: valgrind needs the plain one (build/kehoach)" >&2
  exit 2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-vg.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0
START=$SECONDS
for dir in examples/*/; do
  ex=$(basename "$dir")
  for fmt in docx odt; do
    log=$TMP/$ex.$fmt.log
    t0=$SECONDS
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --show-leak-kinds=definite,indirect --log-file="$log" \
      "$BIN" render "$dir" -o "$TMP/$ex.$fmt" >/dev/null 2>"$TMP/stderr"
    rc=$?
    summary=$(grep -E 'ERROR SUMMARY' "$log" | sed 's/^==[0-9]*== //')
    leaks=$(grep -E 'definitely lost|indirectly lost' "$log" | sed 's/^==[0-9]*== *//' | tr -s ' ' | paste -sd ';')
    invalid=
    ((rc == 0)) && ! invalid=$(tests/lib/validate-output.sh "$TMP/$ex.$fmt" 2>&1) && rc=1
    if ((rc == 0)) && [[ -s $TMP/$ex.$fmt ]]; then
      PASSED=$((PASSED + 1))
      echo "ok - $ex.$fmt: ${summary:-no summary}${leaks:+; $leaks} ($((SECONDS - t0)) s)"
    else
      FAILED=$((FAILED + 1))
      echo "not ok - $ex.$fmt: exit $rc: ${summary:-no summary}${leaks:+; $leaks}"
      grep -E '^==[0-9]+== +(Invalid|Conditional|Use of|[0-9,]+ bytes in|at|by) ' "$log" | head -20 | sed 's/^/#   /'
      head -3 "$TMP/stderr" | sed 's/^/#   /'
      [[ -n $invalid ]] && head -5 <<<"$invalid" | sed 's/^/#   invalid output: /'
    fi
  done
done
echo "# $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
