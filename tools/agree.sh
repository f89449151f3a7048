#!/usr/bin/env bash
# Do `kehoach render` and `kehoach check` judge a plan alike? Over every case of tests/check,
# the plain cases of tests/hostile (no extra arguments, environment or special run) and the
# examples: render refuses (exit 2) exactly when check finds an error (exit 1 or 2).
# Prints one line per disagreement and the counts; exit 1 when any.
#
#   tools/agree.sh BIN      (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: agree.sh BIN}")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-agree.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
agree=0 differ=0

# judge NAME DIR: compare the two verdicts on the plan folder DIR
judge() {
  local name=$1 dir=$2 r c
  timeout 60 "$BIN" render "$dir" -o "$TMP/out.docx" >/dev/null 2>"$TMP/render.err"
  r=$?
  timeout 60 "$BIN" check "$dir" >"$TMP/check.out" 2>&1
  c=$?
  rm -f "$TMP/out.docx"
  local refused=0 errors=0
  [[ $r != 0 ]] && refused=1
  [[ $c == 1 || $c == 2 ]] && errors=1
  if [[ $refused == "$errors" ]]; then agree=$((agree + 1)); return; fi
  differ=$((differ + 1))
  if [[ $refused == 1 ]]; then
    echo "$name: render refuses (exit $r: $(head -c 160 "$TMP/render.err" | head -1)), check finds no error"
  else
    echo "$name: render writes it, check finds an error: $(grep -m1 ': error: ' "$TMP/check.out" | head -c 200)"
  fi
}

for dir in examples/*/; do judge "examples/$(basename "$dir")" "$dir"; done
for dir in tests/check/cases/*/; do judge "check/$(basename "$dir")" "$dir"; done
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
  rm -rf "$W"
done
echo "$agree agree, $differ differ"
[[ $differ == 0 ]]
