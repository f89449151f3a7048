#!/usr/bin/env bash
# Bash completion (completions/kehoach.bash): what TAB offers for commands, options, values,
# template names and plan folders, and that its option lists match each command's --help.
# Usage: tests/integration/completion.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: completion.sh BIN}")
COMP=$(readlink -f completions/kehoach.bash)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }

# offers DIR WORD... : what TAB offers for the command line "kehoach WORD..." (the last word the
# one being completed, "" for a new word), run in DIR, one candidate a line, sorted.
offers() {
  local dir=$1; shift
  (cd "$dir" && bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _kehoach; printf "%s\n" "${COMPREPLY[@]}"' _ "$COMP" "$@" 2>"$TMP/stderr" | sed '/^$/d' | sort)
}
# expect WHAT DIR "WANTED CANDIDATES" WORD... : TAB offers exactly these
expect() {
  local what=$1 dir=$2 want got; want=$(tr ' ' '\n' <<<"$3" | sed '/^$/d' | sort); shift 3
  got=$(offers "$dir" "$@")
  if [ "$got" = "$want" ] && [ ! -s "$TMP/stderr" ]; then ok "$what"; else
    not_ok "$what: got [$(echo $got)], wanted [$(echo $want)] $(head -c 200 "$TMP/stderr")"; fi
}
# includes WHAT DIR CANDIDATE WORD... : TAB offers this one among others
includes() {
  local what=$1 dir=$2 one=$3 got; shift 3
  got=$(offers "$dir" "$@")
  if grep -qxF -- "$one" <<<"$got"; then ok "$what"; else not_ok "$what: got [$(echo $got)]"; fi
}

# The file sources cleanly in a plain bash and beside bash-completion, and registers kehoach.
bash --norc --noprofile -c 'source "$1" && complete -p kehoach' _ "$COMP" >"$TMP/out" 2>"$TMP/err" &&
  [ ! -s "$TMP/err" ] && grep -q '_kehoach kehoach' "$TMP/out" &&
  ok "sources cleanly in bash and registers kehoach" || not_ok "sources cleanly: $(head -3 "$TMP/err")"
if [ -r /usr/share/bash-completion/bash_completion ]; then
  bash --norc --noprofile -c 'source /usr/share/bash-completion/bash_completion; source "$1"' _ "$COMP" 2>"$TMP/err" &&
    [ ! -s "$TMP/err" ] && ok "sources cleanly beside bash-completion" || not_ok "beside bash-completion: $(head -3 "$TMP/err")"
fi

# A working folder: a templates folder of its own, plan folders and a folder that is no plan.
W=$TMP/work
mkdir -p "$W/templates" "$W/ke-hoach-2026" "$W/ke-hoach-2027" "$W/anh" "$W/only/khac"
printf 'return require("nd30").extend{ name = "xa-phuong" }\n' >"$W/templates/xa-phuong.lua"
cp examples/dak-lak-2026/plan.lua "$W/ke-hoach-2026/"
cp examples/dak-lak-2026/plan.lua "$W/ke-hoach-2027/"
cp examples/dak-lak-2026/plan.lua "$W/ke-hoach-rieng.lua"

expect "commands" "$W" "render check new templates --help --version" "$BIN" ""
expect "a command prefix" "$W" "check" "$BIN" "ch"
expect "render: an option prefix" "$W" "--part" "$BIN" render --pa
expect "render: the options starting --max" "$W" "--max-memory --max-instructions --max-seconds" "$BIN" render --max
expect "render --part: its values" "$W" "all body appendices" "$BIN" render ke-hoach-2026 --part ""
expect "render --part a: appendices and all" "$W" "all appendices" "$BIN" render ke-hoach-2026 --part a
expect "render --format: docx, odt and pdf" "$W" "docx odt pdf" "$BIN" render ke-hoach-2026 --format ""
expect "render --pdf-version pdf-a-: the PDF/A versions" "$W" "pdf-a-1a pdf-a-2b pdf-a-3b" "$BIN" render ke-hoach-2026 --pdf-version pdf-a-
expect "check --format: text and json" "$W" "text json" "$BIN" check ke-hoach-2026 --format ""
expect "check: an option prefix" "$W" "--format" "$BIN" check --fo
expect "new --shift: --shift-ranges" "$W" "--shift-ranges" "$BIN" new ke-hoach-2026 --shift
expect "templates: its options" "$W" "-h --help" "$BIN" templates ""
expect "-t: a template name of ./templates" "$W" "xa-phuong" "$BIN" render ke-hoach-2026 -t xa
includes "--template: a built-in template name" "$W" nd30 "$BIN" render ke-hoach-2026 --template ""
includes "--template: a name from ./templates" "$W" xa-phuong "$BIN" render ke-hoach-2026 --template ""
includes "--template: a .lua file" "$W" ke-hoach-rieng.lua "$BIN" render ke-hoach-2026 --template ke
got=$(offers "$W" "$BIN" render ke-hoach-2026 -t "")
if ! grep -qx nd30 <<<"$got" || grep -q 'installed\|folder:' <<<"$got"; then not_ok "-t: the template names, no word of the installed folder's line: [$(echo $got)]"; else
  ok "-t: no word of the installed folder's line"; fi
expect "render PLAN: the folders holding plan.lua and the .lua files" "$W" \
  "ke-hoach-2026 ke-hoach-2027 ke-hoach-rieng.lua" "$BIN" render ke
expect "render PLAN: other folders only when no plan folder matches" "$W" "anh" "$BIN" render a
expect "check PLAN: a plan folder" "$W" "ke-hoach-2027" "$BIN" check ke-hoach-2027
expect "render PLAN inside a folder: plan.lua" "$W" "ke-hoach-2026/plan.lua" "$BIN" render ke-hoach-2026/
includes "render -o: a file name" "$W" "ke-hoach-rieng.lua" "$BIN" render ke-hoach-2026 -o ke-hoach-r
expect "new -o: folders only" "$W" "only" "$BIN" new ke-hoach-2026 --year 2027 -o on

# Each option list is the one the command's --help shows.
for c in render check new templates; do
  help=$("$BIN" "$c" --help | grep -E '^ {2}-' | sed -E 's/^ +//; s/ {2,}.*//' |
    grep -oE -- '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u)
  list=$(bash --norc --noprofile -c 'source "$1"; v=_kehoach_opts_$2; tr " " "\n" <<<"${!v}"' _ "$COMP" "$c" | sort -u)
  if [ -n "$help" ] && [ "$help" = "$list" ]; then ok "$c: the completion's options are those of --help"; else
    not_ok "$c: completion [$(echo $list)] but --help [$(echo $help)]"; fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
