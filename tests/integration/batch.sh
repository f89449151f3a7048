#!/usr/bin/env bash
# Several plans in one run: `kehoach render PLAN... -O FOLDER`, as a province renders its whole
# set. Each document must be the one a render of its plan alone writes, byte for byte, and
# valid; a plan that fails is reported by its file and line and leaves no file, while the
# others are still written; mistakes of usage write nothing.
#
#   tests/integration/batch.sh build/kehoach          (run from the repository root)
set -uo pipefail
export LC_ALL=C.UTF-8
BIN=${1:?usage: tests/integration/batch.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
export KEHOACH_LANG=en
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-batch.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

PASSED=0 FAILED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
check() {
  local what=$1 out; shift
  if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what"; [[ -n $out ]] && head -20 <<<"$out" | sed 's/^/#   /'; fi
}

EXAMPLES=(examples/*/)
N=${#EXAMPLES[@]}

# 1. the examples, DOCX and ODT, each as its render alone writes it
for fmt in docx odt; do
  out=$TMP/all-$fmt; mkdir -p "$out" "$TMP/one-$fmt"
  "$BIN" render "${EXAMPLES[@]}" -O "$out" --format "$fmt" 2>"$TMP/err"
  rc=$?
  [[ $rc == 0 ]] && ok "$fmt: $N plans in one run: exit 0" || { not_ok "$fmt: $N plans in one run: exit $rc"; sed 's/^/#   /' "$TMP/err"; }
  got=$(cd "$out" && ls | sort | tr '\n' ' ')
  want=$(for e in "${EXAMPLES[@]}"; do e=${e%/}; printf '%s.%s ' "${e##*/}" "$fmt"; done | tr ' ' '\n' | sort | grep . | tr '\n' ' ')
  [[ $got == "$want" ]] && ok "$fmt: one document a plan, named after its folder ($got)" \
                        || not_ok "$fmt: documents written: '$got', expected '$want'"
  same=0
  for e in "${EXAMPLES[@]}"; do
    e=${e%/}; name=${e##*/}
    "$BIN" render "$e" -o "$TMP/one-$fmt/$name.$fmt" 2>/dev/null
    cmp -s "$TMP/one-$fmt/$name.$fmt" "$out/$name.$fmt" && same=$((same + 1)) || echo "#   $name.$fmt differs from its render alone"
  done
  [[ $same == "$N" ]] && ok "$fmt: each document byte for byte the one its plan alone renders ($same of $N)" \
                      || not_ok "$fmt: $same of $N documents as their plan alone renders them"
  check "$fmt: every document well-formed, in NFC and valid against the schemas" tests/lib/validate-output.sh "$out"/*
done

# 2. a plan that fails among good ones: reported by its file and line, the others written
mkdir -p "$TMP/broken" "$TMP/mixed"
printf 'return {\n  type = "KẾ HOẠCH",\n  subject = "Thiếu dấu đóng"\n' > "$TMP/broken/plan.lua"
"$BIN" render "${EXAMPLES[0]}" "$TMP/broken" "${EXAMPLES[1]}" -O "$TMP/mixed" 2>"$TMP/err"
rc=$?
[[ $rc == 2 ]] && ok "a broken plan among good ones: exit 2" || not_ok "a broken plan among good ones: exit $rc, expected 2"
if grep -q "^kehoach: $TMP/broken/plan.lua:[0-9][0-9]*: " "$TMP/err"; then
  ok "the broken plan's error names its file and line"
else
  not_ok "no error line naming $TMP/broken/plan.lua:LINE"; sed 's/^/#   /' "$TMP/err"
fi
grep -q "2 of 3 documents written into $TMP/mixed" "$TMP/err" && ok "the run says 2 of 3 documents were written" \
  || { not_ok "no line saying 2 of 3 documents were written"; sed 's/^/#   /' "$TMP/err"; }
e0=${EXAMPLES[0]%/}; e1=${EXAMPLES[1]%/}
got=$(cd "$TMP/mixed" && ls -A | sort | tr '\n' ' ')
want=$(printf '%s.docx\n%s.docx\n' "${e0##*/}" "${e1##*/}" | sort | tr '\n' ' ')
[[ $got == "$want" ]] && ok "the good plans' documents are written, nothing for the broken one, no temporary file left" \
                      || not_ok "the folder holds '$got', expected '$want'"

# 3. mistakes of usage: exit 2, one line, nothing written
mkdir -p "$TMP/usage" "$TMP/cwd"
usage() {   # WHAT EXPECTED-WORDS ARGS…
  local what=$1 words=$2; shift 2
  local rc
  (cd "$TMP/cwd" && "$BIN" render "$@") 2>"$TMP/err" >/dev/null
  rc=$?
  local lines; lines=$(wc -l <"$TMP/err")
  if [[ $rc == 2 && $lines == 1 ]] && grep -q -- "$words" "$TMP/err" && [[ -z $(find "$TMP/usage" "$TMP/cwd" -mindepth 1) ]]; then
    ok "$what: exit 2, one line ('$words'), nothing written"
  else
    not_ok "$what: exit $rc, $lines lines, written: $(find "$TMP/usage" "$TMP/cwd" -mindepth 1 | tr '\n' ' ')"; sed 's/^/#   /' "$TMP/err"
  fi
}
usage "several plans without -O" "several plans need -O FOLDER" "$ROOT/$e0" "$ROOT/$e1"
usage "two plans of the same folder name" "two plans would both be written to" "$ROOT/$e0" "$ROOT/$e0/" -O "$TMP/usage"
usage "-O a folder that does not exist" "is not a folder" "$ROOT/$e0" -O "$TMP/usage/missing"
usage "-o and -O together" "not both" "$ROOT/$e0" -o x.docx -O "$TMP/usage"

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
