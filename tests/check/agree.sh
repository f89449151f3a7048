#!/usr/bin/env bash
# Do `kehoach render` and `kehoach check` judge a plan alike? Over every case of tests/check, the
# cases of tests/hostile that run as a plain render (no extra arguments, environment or special
# run) and the examples:
#   - render refuses (exit 2) exactly when check finds an error (exit 1, or 2 when the plan does not
#     load);
#   - the line render refuses with is check's first error ("FILE:LINE: message [rule]");
#   - the warnings render prints are check's warnings, all of them and no others.
# Prints one "ok"/"not ok" line per plan and ends with the counts and "N passed, M failed".
# Under KEHOACH_LANG=vi both commands speak Vietnamese, and must agree as well.
#
#   tests/check/agree.sh BIN      (from anywhere; paths are the repository's)
set -uo pipefail
export LC_ALL=C.UTF-8
BIN=${1:?usage: tests/check/agree.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-agree.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
PASSED=0 FAILED=0 REFUSED=0 WRITTEN=0
# the words of a finding's level, and render's warning prefix, in the language asked for
if [[ ${KEHOACH_LANG:-} == vi ]]; then ERROR="lỗi" WARNING="cảnh báo"; else ERROR=error WARNING=warning; fi

# judge NAME DIR: compare the two verdicts on the plan folder DIR
judge() {
  local name=$1 dir=$2 r c why=
  KEHOACH_TEMPLATE_PATH=$dir timeout 120 "$BIN" render "$dir" -o "$TMP/out.docx" >/dev/null 2>"$TMP/render.err"
  r=$?
  KEHOACH_TEMPLATE_PATH=$dir timeout 120 "$BIN" check "$dir" >"$TMP/check.out" 2>"$TMP/check.err"
  c=$?
  rm -f "$TMP/out.docx"
  # what check says, in the form render prints it
  grep -E "^.*: $ERROR: .*\[[a-z-]+\]$" "$TMP/check.out" | sed -E "s/: $ERROR: /: /" >"$TMP/check.errors"
  grep -E "^.*: $WARNING: .*\[[a-z-]+\]$" "$TMP/check.out" | sed -E "s/^(.*): $WARNING: (.*)$/kehoach: $WARNING: \1: \2/" \
    | sort >"$TMP/check.warnings"
  grep "^kehoach: $WARNING: " "$TMP/render.err" | sort >"$TMP/render.warnings"
  if [[ $r == 0 ]]; then
    [[ $c == 0 ]] || why="render writes it, check exits $c: $(head -1 "$TMP/check.errors")"
    WRITTEN=$((WRITTEN + 1))
  elif [[ $r == 2 ]]; then
    REFUSED=$((REFUSED + 1))
    if [[ $c != 1 && $c != 2 ]]; then
      why="render refuses ($(grep -v "^kehoach: $WARNING: " "$TMP/render.err" | head -1)), check exits $c"
    else
      local first refusal
      first=$(head -1 "$TMP/check.errors")
      refusal=$(grep -v "^kehoach: $WARNING: " "$TMP/render.err" | head -1)
      [[ "kehoach: $first" == "$refusal" ]] || why="render refuses with '$refusal', check's first error is '$first'"
    fi
  else
    why="render exits $r: $(head -1 "$TMP/render.err")"
  fi
  if [[ -z $why ]] && ! cmp -s "$TMP/check.warnings" "$TMP/render.warnings"; then
    why="the warnings differ: $(diff "$TMP/check.warnings" "$TMP/render.warnings" | grep '^[<>]' | head -2 | tr '\n' ' ')"
  fi
  if [[ -z $why ]]; then PASSED=$((PASSED + 1)); echo "ok - $name"
  else FAILED=$((FAILED + 1)); echo "not ok - $name: ${why:0:400}"; fi
}

for dir in examples/*/; do judge "examples/$(basename "$dir")" "${dir%/}"; done
for dir in tests/check/cases/*/; do judge "check/$(basename "$dir")" "${dir%/}"; done
for dir in tests/hostile/cases/*/; do
  name=$(basename "$dir")
  grep -Eq '^(args|command|env|fsize|unprivileged|variants|output)\b' "$dir/expected" && continue
  W=$TMP/h/$name
  PLAN=$W/plan
  mkdir -p "$W"
  cp -r tests/hostile/base "$PLAN"
  ( cd "$dir" && for f in * .[!.]*; do
      [[ -e $f || -L $f ]] || continue
      case $f in expected|setup.sh|verify.sh) ;; *) cp -a "$f" "$PLAN/" ;; esac
    done )
  if [[ -f $dir/setup.sh ]]; then
    (cd "$PLAN" && export W PLAN OUT=$W/out.docx OUTDIR=$W VARIANT= BIN SECRET=agree-secret &&
      bash "$OLDPWD/$dir/setup.sh") >/dev/null 2>&1 || { rm -rf "$W"; continue; }
  fi
  judge "hostile/$name" "$PLAN"
  chmod -R u+rwX "$W" 2>/dev/null
  rm -rf "$W"
done
echo "# $((PASSED + FAILED)) plans: $REFUSED refused by render, $WRITTEN written"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED == 0 ]]
