#!/usr/bin/env bash
# The hostile-input corpus: plans, texts, markup, files, templates and output paths made to break
# kehoach. Nothing may crash, hang, run out of its budgets, escape the sandbox or lose a file.
#
#   tests/hostile/run.sh BIN            (BIN: build/kehoach, or build-san/kehoach)
#   HOSTILE_ONLY=REGEX tests/hostile/run.sh BIN     only the cases whose name matches
#   HOSTILE_VALGRIND=1 tests/hostile/run.sh build/kehoach
#       every run under valgrind memcheck, for leak checking where LeakSanitizer does not work:
#       an invalid access or a block definitely or indirectly lost fails the case; a case that
#       takes more than HOSTILE_TIMEOUT seconds (default 20) under valgrind is skipped, peak RSS
#       is not checked, and a case with variants runs its first only (a run costs seconds).
#
# Each case is a folder of tests/hostile/cases/ holding an `expected` file and the files it lays
# over a copy of tests/hostile/base/ (a small valid plan: plan.lua, body.txt, t.csv). A case too
# big to keep in git (a 50 MB string, a 10 MB line) has a `setup.sh` that makes its files; a case
# that must render has a `verify.sh` that checks what it wrote. `expected` holds, one a line:
#
#   exit N              the exit status: 2 bad input, 3 I/O; 0 for a case that must render
#   stderr TEXT         a fixed substring of the one stderr line (every such line must match)
#   stderr-re REGEX     an extended regular expression the stderr line must match
#   args ARG…           more arguments; {PLAN} {W} {OUT} {OUTDIR} are replaced by their paths
#   output PATH         the output file, relative to the case's work folder (default out/out.docx)
#   no-sentinel         do not put an existing file at the output path first
#   fsize BLOCKS        run kehoach under `ulimit -f BLOCKS` (1 KB blocks): a disk that fills up
#   unprivileged        run as an unprivileged user when run as root (see output-not-writable)
#   env NAME=VALUE      an environment variable for kehoach ({W} … replaced as in args)
#   variants V…         run the case once per value, given to setup.sh as $VARIANT
#   command check|new   run `kehoach check PLAN ARGS…` (its one line is the finding of rule
#                       template, file or load it prints on stdout; stderr stays empty) or
#                       `kehoach new PLAN -o OUT ARGS…` (--year 2027 unless ARGS give one;
#                       {OUT} is the new folder) instead of render
#   warning TEXT        a fixed substring some warning line ("kehoach: warning: …"; for check a
#                       warning finding on stdout) must hold
#   max-rss [MB]        a peak RSS of at most MB (default: the case's --max-memory) plus
#                       HOSTILE_RSS_OVERHEAD_MB (64); a sanitizer build may take 3 × MB plus that
#                       (each block's redzones and the quarantine of freed blocks)
#   # …                 a comment
#
# setup.sh may plant files outside the plan's folder holding $SECRET: that text must appear in no
# output, stdout or stderr (no file outside the folder was read).
#
# For every case: the exit status, exactly one line on stderr that matches (warning lines, which
# start with "kehoach: warning: ", are not counted), no raw control character (but tab), C1
# control, bidi control or line separator on stderr, no signal and no
# sanitizer report, under `timeout 60`, a peak RSS under HOSTILE_MAX_RSS_MB (default 1024, 2048
# for a sanitizer build), and on failure: the file already at the output path byte-for-byte
# unchanged and nothing new in the output folder (no partial file, no *.tmp-*). kehoach runs with
# --max-memory 256 --max-instructions 1e9 unless the case's args say otherwise (the last wins).
# The text of a file outside the plan folder ($SENTINEL) appears neither on stdout or stderr nor in
# any output part. An output that renders must pass tests/lib/validate-output.sh: every part
# well-formed XML without forbidden characters, in NFC, the main parts valid against the schemas.
#
# Prints "ok - …" / "not ok - …" per case and ends with "N passed, M failed".
set -uo pipefail
export LC_ALL=C.UTF-8

BIN=${1:?usage: tests/hostile/run.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
HERE=$(cd "$(dirname "$0")" && pwd)
[[ -x $BIN ]] || { echo "run.sh: $BIN: expected the kehoach binary (run make first)" >&2; exit 2; }
for tool in timeout unzip cmp mkfifo; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (run scripts/install-deps)" >&2; exit 2; }
done

SAN=0
if ldd "$BIN" 2>/dev/null | grep -q 'libasan\|libubsan' || grep -q '__asan_init' "$BIN" 2>/dev/null; then SAN=1; fi
MAX_RSS_MB=${HOSTILE_MAX_RSS_MB:-$((SAN ? 2048 : 1024))}
# What a run takes beyond its --max-memory: the binary, libraries, buffers outside the budget (a
# plain render of the base plan peaks at 7 MB, 18 MB under the sanitizers, which also give each
# small block redzones and keep freed blocks in quarantine: 64 MB of model reach 183 MB).
RSS_OVERHEAD_MB=${HOSTILE_RSS_OVERHEAD_MB:-64}
RSS_FACTOR=$((SAN ? 3 : 1))
# The sanitizers: stop at the first report and say so on stderr (which must then be one line:
# a report fails the case). Leaks are looked for where LeakSanitizer works. Freed blocks wait in a
# 32 MB quarantine (ASan's default, 256 MB, would count against every case's peak RSS); options
# from the environment come after, and win.
export ASAN_OPTIONS=quarantine_size_mb=32:${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
TIMEOUT=${HOSTILE_TIMEOUT:-60}
VALGRIND=${HOSTILE_VALGRIND:-}
if [[ -n $VALGRIND ]]; then
  TIMEOUT=${HOSTILE_TIMEOUT:-20}
  command -v valgrind >/dev/null || { echo "run.sh: valgrind not found (run scripts/install-deps)" >&2; exit 2; }
  ((SAN)) && { echo "run.sh: HOSTILE_VALGRIND needs a build without sanitizers (build/kehoach)" >&2; exit 2; }
fi
TIME=
[[ -x /usr/bin/time ]] && /usr/bin/time -f %M true 2>/dev/null && TIME=/usr/bin/time

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-hostile.XXXXXX") || exit 2
trap 'chmod -R u+rwX "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
chmod 755 "$TMP"   # an unprivileged run must reach the plan
mkdir -p "$TMP/vg" && chmod 1777 "$TMP/vg"   # valgrind logs, writable by an unprivileged run too
START=$SECONDS

PASSED=0 FAILED=0 SKIPPED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
# A case that cannot be tried here counts as passed, marked "# skip" with the reason.
skip()   { PASSED=$((PASSED + 1)); SKIPPED=$((SKIPPED + 1)); echo "ok - $1 # skip $2"; }
short()  { local s=${1//$'\n'/ | }; ((${#s} > 160)) && s="${s:0:157}..."; printf '%s' "$s"; }

# How to run as a user for whom a chmod 555 folder is not writable. Root ignores permissions, so
# as root kehoach runs as nobody through setpriv; without setpriv, the output goes under /sys
# (read-only for everyone, root too).
# HOSTILE_NO_SETPRIV=1 tries the /sys way.
UNPRIV=()
if ((EUID == 0)) && [[ -z ${HOSTILE_NO_SETPRIV:-} ]] && command -v setpriv >/dev/null &&
   setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" --version >/dev/null 2>&1; then
  UNPRIV=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

SENTINEL=$TMP/sentinel
printf 'kehoach hostile sentinel \x00\xff\x01 PK\x03\x04 keep me\n' >"$SENTINEL"
SECRET=kehoach-hostile-secret-7c1e9f

subst() {  # subst TEXT: the placeholders replaced
  local s=$1
  s=${s//\{PLAN\}/$PLAN}; s=${s//\{W\}/$W}; s=${s//\{OUTDIR\}/$OUTDIR}; s=${s//\{OUT\}/$OUT}
  printf '%s' "$s"
}

# run_case DIR NAME [VARIANT]
run_case() {
  local dir=$1 name=$2 VARIANT=${3:-}
  local want=2 args=() outrel=out/out.docx sentinel=1 fsize= unpriv=0 subs=() res=() envs=() warns=() line key val
  local command=render rss_budget=
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z ${line//[[:space:]]/} || $line == \#* ]] && continue
    key=${line%% *}; val=; [[ $line == *' '* ]] && val=${line#* }
    case $key in
      exit) want=$val ;;
      stderr) subs+=("F$val") ;;
      stderr-re) subs+=("R$val") ;;
      args) args+=("$val") ;;
      output) outrel=$val ;;
      no-sentinel) sentinel=0 ;;
      fsize) fsize=$val ;;
      unprivileged) unpriv=1 ;;
      env) envs+=("$val") ;;
      variants) ;;
      command) command=$val ;;
      warning) warns+=("$val") ;;
      max-rss) rss_budget=${val:-budget} ;;
      *) not_ok "$name: expected: unknown key '$key'"; return ;;
    esac
  done <"$dir/expected"

  W=$TMP/w$((PASSED + FAILED))
  PLAN=$W/plan
  mkdir -p "$W"
  cp -r "$HERE/base" "$PLAN"
  ( cd "$dir" && for f in * .[!.]*; do
      [[ -e $f || -L $f ]] || continue
      case $f in expected|setup.sh|verify.sh) ;; *) cp -a "$f" "$PLAN/" ;; esac
    done )
  [[ $command == check ]] && sentinel=0
  [[ $command == new ]] && { outrel=out/new; sentinel=0; }
  OUT=$W/$outrel
  OUTDIR=$(dirname "$OUT")
  [[ $outrel == out/* ]] && mkdir -p "$W/out"
  if ((unpriv)) && ((EUID == 0)) && ((${#UNPRIV[@]} == 0)); then
    # Root without setpriv: a folder nobody may write to, root included.
    OUT=/sys/kehoach-hostile-$$-out.docx; OUTDIR=/sys; sentinel=0
    if touch /sys/kehoach-hostile-probe 2>/dev/null; then
      rm -f /sys/kehoach-hostile-probe
      skip "$name" "running as root without setpriv, and /sys is writable: no unwritable folder to try"
      return
    fi
  fi
  if [[ -f $dir/setup.sh ]]; then
    if ! (cd "$PLAN" && export W PLAN OUT OUTDIR VARIANT BIN SECRET && bash "$dir/setup.sh") >"$W/setup.log" 2>&1; then
      not_ok "$name: setup.sh failed: $(short "$(tail -3 "$W/setup.log")")"; return
    fi
  fi
  ((sentinel)) && cp "$SENTINEL" "$OUT"
  local before=
  [[ -d $OUTDIR ]] && before=$(ls -A "$OUTDIR")
  local wrap=()
  if ((unpriv)); then
    if ((EUID == 0)) && ((${#UNPRIV[@]})); then
      chmod -R a+rX "$W"
      wrap=("${UNPRIV[@]}")
    fi
    [[ $OUTDIR == /sys ]] || chmod 555 "$OUTDIR"
  fi

  local expanded=() a envx=()
  for a in "${envs[@]}"; do envx+=("$(subst "$a")"); done
  for a in "${args[@]}"; do
    # shellcheck disable=SC2206
    local words=($(subst "$a"))
    expanded+=("${words[@]}")
  done
  local run=(render "$PLAN" -o "$OUT" --max-memory 256 --max-instructions 1e9)
  case $command in
    check) run=(check "$PLAN") ;;
    new) run=(new "$PLAN" -o "$OUT")
         [[ " ${expanded[*]} " == *" --year "* ]] || run+=(--year 2027) ;;
  esac
  local vg=()
  [[ -n $VALGRIND ]] && vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
                           --show-leak-kinds=definite,indirect "--log-file=$TMP/vg/w$((PASSED + FAILED)).log")
  local t0=$SECONDS rc
  (
    [[ -n $fsize ]] && ulimit -f "$fsize"
    if [[ -n $TIME ]]; then
      exec "$TIME" -o "$W/rusage" -f %M timeout -k 5 "$TIMEOUT" env "${envx[@]}" "${wrap[@]}" "${vg[@]}" "$BIN" "${run[@]}" "${expanded[@]}"
    else
      exec timeout -k 5 "$TIMEOUT" env "${envx[@]}" "${wrap[@]}" "${vg[@]}" "$BIN" "${run[@]}" "${expanded[@]}"
    fi
  ) >"$W/stdout" 2>"$W/stderr"
  rc=$?
  local secs=$((SECONDS - t0))
  ((unpriv)) && [[ $OUTDIR != /sys ]] && chmod 755 "$OUTDIR"
  # /usr/bin/time notes the exit status or signal of its child in the file it writes; the RSS
  # is its last line.
  local rss_kb=
  [[ -s $W/rusage ]] && rss_kb=$(tail -1 "$W/rusage")
  # Warnings are told apart by their prefix; the rest (the error line) is what is counted.
  local err warnings
  err=$(grep -av '^kehoach: warning: ' "$W/stderr")
  warnings=$(grep -a '^kehoach: warning: ' "$W/stderr")
  local nlines
  nlines=$(grep -avc '^kehoach: warning: ' "$W/stderr")
  if [[ $command == check ]]; then
    ((nlines == 0)) || res+=("stderr has $nlines lines, expected none from check")
    err=$(grep -aE ': error: .*\[(template|file|load)\]$' "$W/stdout")
    nlines=$(grep -caE ': error: .*\[(template|file|load)\]$' "$W/stdout")
    warnings=$(grep -a ': warning: ' "$W/stdout")   # check's warnings are findings too
  fi
  if grep -qaF "$SECRET" "$W/stdout" "$W/stderr" ||
     { [[ -f $OUT ]] && unzip -p "$OUT" 2>/dev/null | grep -qaF "$SECRET"; } ||
     { [[ -d $OUT ]] && grep -rqaF "$SECRET" "$OUT"; }; then
    res+=("a file outside the plan's folder was read: its text is in the output")
  fi
  # No text on stderr can act on a terminal: C0 controls but tab and newline, DEL, C1, bidi.
  LC_ALL=C grep -aqP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c' "$W/stderr" &&
    res+=("a raw control character on stderr")
  local w
  for w in "${warns[@]}"; do
    grep -qF -- "$(subst "$w")" <<<"$warnings" || res+=("no warning line holds \"$w\"")
  done

  if [[ -n $VALGRIND ]]; then
    if ((rc == 124 || rc == 137)); then skip "$name" "more than $TIMEOUT s under valgrind"; rm -rf "$W"; return; fi
    rss_kb=
    local vlog=$TMP/vg/w$((PASSED + FAILED)).log
    if ((rc == 99)) || grep -Eq 'definitely lost: [1-9]|indirectly lost: [1-9]|Invalid (read|write|free)|uninitialised' "$vlog" 2>/dev/null; then
      res+=("valgrind: $(grep -E 'ERROR SUMMARY|definitely lost|indirectly lost' "$vlog" | sed 's/^==[0-9]*== *//' | tr -s ' ' | paste -sd ';')")
      rc=$want   # the status is valgrind's; the report says what went wrong
    fi
  fi
  if ((rc == 124 || rc == 137)); then res+=("timed out after $TIMEOUT s (exit $rc)")
  elif ((rc >= 128)); then res+=("killed by signal $((rc - 128))")
  elif ((rc != want)); then res+=("exit $rc, expected $want")
  fi
  grep -Eq 'Sanitizer|runtime error:|PANIC|Segmentation|Aborted|core dumped' "$W/stderr" &&
    res+=("a crash or sanitizer report on stderr")
  if ((want == 0)); then
    ((nlines == 0)) || res+=("stderr has $nlines lines, expected none")
    [[ -z $(find "$OUTDIR" -maxdepth 1 -name '*.tmp-*' 2>/dev/null) ]] || res+=("a temporary file was left in the output folder")
    if [[ $command == new ]]; then [[ -f $OUT/plan.lua ]] || res+=("no new plan folder")
    elif [[ $command == check ]]; then :   # no document: the report is on stdout
    elif [[ ! -s $OUT ]]; then res+=("no output file")
    elif ! unzip -tq "$OUT" >/dev/null 2>&1; then res+=("the output is not a valid zip file")
    else
      local invalid
      invalid=$("$HERE/../lib/validate-output.sh" "$OUT" 2>&1) || res+=("invalid output: $(short "$invalid")")
    fi
    if [[ -f $dir/verify.sh ]] && ((${#res[@]} == 0)); then
      local v
      v=$(export W PLAN OUT OUTDIR VARIANT; bash "$dir/verify.sh" 2>&1) || res+=("verify.sh: $(short "$v")")
    fi
  else
    ((nlines == 1)) || res+=("stderr has $nlines lines, expected exactly one")
    [[ $err == kehoach:* || $command == check ]] || res+=("stderr does not start with \"kehoach:\"")
    local s
    for s in "${subs[@]}"; do
      if [[ $s == F* ]]; then
        s=$(subst "${s:1}")
        grep -qF -- "$s" <<<"$err" || res+=("stderr lacks \"$s\"")
      else
        s=$(subst "${s:1}")
        grep -Eq -- "$s" <<<"$err" || res+=("stderr does not match /$s/")
      fi
    done
    if ((sentinel)); then
      cmp -s "$SENTINEL" "$OUT" || res+=("the existing output file was changed")
    elif [[ -d $OUT ]]; then
      [[ -z $(ls -A "$OUT") ]] || res+=("files appeared inside the output folder")
    elif [[ -e $OUT ]]; then
      res+=("an output file was left behind")
    fi
    if [[ -d $OUTDIR ]]; then
      local after
      after=$(ls -A "$OUTDIR")
      [[ $before == "$after" ]] ||
        res+=("new files in the output folder: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')")
    fi
  fi
  if [[ -n $rss_kb && $rss_kb =~ ^[0-9]+$ ]] && ((rss_kb > MAX_RSS_MB * 1024)); then
    res+=("peak RSS $((rss_kb / 1024)) MB, more than $MAX_RSS_MB MB")
  fi
  if [[ -n $rss_budget && $rss_kb =~ ^[0-9]+$ ]]; then
    local mb=$rss_budget
    if [[ $mb == budget ]]; then   # the last --max-memory the run was given
      local i all=("${run[@]}" "${expanded[@]}")
      mb=256
      for ((i = 0; i + 1 < ${#all[@]}; i++)); do [[ ${all[i]} == --max-memory ]] && mb=${all[i + 1]}; done
    fi
    ((rss_kb <= (RSS_FACTOR * mb + RSS_OVERHEAD_MB) * 1024)) ||
      res+=("peak RSS $((rss_kb / 1024)) MB, more than $((RSS_FACTOR * mb)) MB + $RSS_OVERHEAD_MB MB")
  fi
  local leaked
  leaked=$(grep -laF 'kehoach hostile sentinel' "$W/stdout" "$W/stderr" 2>/dev/null)
  [[ -f $OUT ]] && ! cmp -s "$SENTINEL" "$OUT" && unzip -p "$OUT" 2>/dev/null | grep -aqF 'kehoach hostile sentinel' && leaked+=" $OUT"
  [[ -d $OUT ]] && grep -rlaF 'kehoach hostile sentinel' "$OUT" >/dev/null 2>&1 && leaked+=" $OUT"
  [[ -n $leaked ]] && res+=("the text of a file outside the plan folder is in ${leaked//$W\//}")
  local stats="${secs}s"
  [[ $rss_kb =~ ^[0-9]+$ ]] && stats+=" $((rss_kb / 1024))MB"
  if ((${#res[@]} == 0)); then
    if ((want == 0)); then ok "$name: renders ($stats)"
    else ok "$name: exit $rc ($stats): $(short "$err")"; fi
    rm -rf "$W"
  else
    not_ok "$name: $(IFS=';'; echo "${res[*]}") ($stats) — stderr: $(short "$err")"
  fi
}

for dir in "$HERE"/cases/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  [[ -n ${HOSTILE_ONLY:-} && ! $name =~ $HOSTILE_ONLY ]] && continue
  if [[ ! -f $dir/expected ]]; then not_ok "$name: no expected file"; continue; fi
  variants=$(sed -n 's/^variants //p' "$dir/expected")
  [[ -n $VALGRIND ]] && variants=${variants%% *}
  if [[ -n $variants ]]; then
    for v in $variants; do run_case "$dir" "$name [$v]" "$v"; done
  else
    run_case "$dir" "$name"
  fi
done

echo "# $((SECONDS - START)) s, $BIN$( ((SAN)) && echo ' (sanitizers)')$( ((SKIPPED)) && echo ", $SKIPPED skipped")"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
