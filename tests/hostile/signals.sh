#!/usr/bin/env bash
# SIGTERM, SIGINT and SIGHUP at several moments of `render` (DOCX and ODT) and of `new`: kehoach
# ends by that signal (the shell sees 128+N), leaves no *.tmp-* file and no temporary folder,
# keeps a file already at the output path byte for byte, or else has put the complete new one in
# place (never a partial one), and says at most one line on stderr.
#
#   tests/hostile/signals.sh BIN       (BIN: build/kehoach, or build-san/kehoach)
#
# The moments:
#   before   the plan is still running (a plan that loops), signalled after 0.2 s;
#   during   the temporary file is being written: fsync() is slowed by an LD_PRELOAD shim, and
#            the signal is sent as soon as a *.tmp-* file (for new: the temporary folder) appears;
#   after    the output was just renamed into place: rename() is slowed after it has happened,
#            and the signal is sent as soon as the output file has changed.
# Prints "ok - …" / "not ok - …" per run and ends with "N passed, M failed".
set -uo pipefail
export LC_ALL=C.UTF-8

BIN=${1:?usage: tests/hostile/signals.sh BIN}
[[ $BIN == /* ]] || BIN=$PWD/$BIN
HERE=$(cd "$(dirname "$0")" && pwd)
[[ -x $BIN ]] || { echo "signals.sh: $BIN: expected the kehoach binary (run make first)" >&2; exit 2; }
for tool in timeout unzip cmp cc; do
  command -v "$tool" >/dev/null || { echo "signals.sh: $tool not found (run scripts/install-deps)" >&2; exit 2; }
done
# A background job of a script ignores SIGINT unless told otherwise; kehoach, rightly, keeps a
# signal ignored that it inherits ignored. env --default-signal gives it the default.
env --default-signal=INT true 2>/dev/null || { echo "signals.sh: env --default-signal not supported" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-signals.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
START=$SECONDS

# The shim: SLOW_FSYNC_MS before each fsync(), SLOW_RENAME_MS after each rename() has happened.
cat >"$TMP/slow.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>
static void pause_ms(const char *var)
{
    const char *v = getenv(var);
    if (v && atoi(v) > 0)
        usleep((useconds_t)atoi(v) * 1000);
}
int fsync(int fd)
{
    pause_ms("SLOW_FSYNC_MS");
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}
int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *) = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    int rc = real(from, to);
    pause_ms("SLOW_RENAME_MS");
    return rc;
}
C
cc -shared -fPIC -o "$TMP/slow.so" "$TMP/slow.c" -ldl || { echo "signals.sh: cannot build the shim" >&2; exit 2; }
# The shim is not built with the sanitizers: tell ASan not to mind the link order.
export ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Two plans: the hostile corpus's valid one, and the same that loops before it returns.
cp -r "$HERE/base" "$TMP/fast"
cp -r "$HERE/base" "$TMP/slow"
sed -i '0,/^return {/s//for i = 1, 2e9 do end\nreturn {/' "$TMP/slow/plan.lua"
SENTINEL=$TMP/sentinel
printf 'kehoach signals sentinel \x00\xff\x01 PK\x03\x04 keep me\n' >"$SENTINEL"

# The main part of a complete document, for comparing with what a signal left in place.
main_part() { case $1 in *.odt) unzip -p "$1" content.xml ;; *) unzip -p "$1" word/document.xml ;; esac; }
for fmt in docx odt; do
  "$BIN" render "$TMP/fast" -o "$TMP/reference.$fmt" 2>/dev/null || { echo "signals.sh: the plan does not render" >&2; exit 2; }
  main_part "$TMP/reference.$fmt" >"$TMP/reference.$fmt.main"
done

PASSED=0 FAILED=0
ok()     { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }

# wait_for TEST…: poll (every 10 ms, at most 20 s) until the command succeeds.
wait_for() {
  local i
  for ((i = 0; i < 2000; i++)); do
    "$@" && return 0
    kill -0 "$PID" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
tmp_file_there() { compgen -G "$OUTDIR/*.tmp-*" >/dev/null; }
tmp_folder_there() { compgen -G "$OUTDIR/.new.kehoach-*" >/dev/null; }
output_changed() { ! cmp -s "$SENTINEL" "$OUT"; }

# run SIGNAL TARGET MOMENT
run() {
  local sig=$1 target=$2 moment=$3 name="$1 $2 $3"
  local W=$TMP/w$((PASSED + FAILED))
  mkdir -p "$W"
  OUTDIR=$W
  local plan=$TMP/fast envs=(LD_PRELOAD="$TMP/slow.so") cmd
  [[ $moment == before ]] && plan=$TMP/slow
  [[ $moment == during ]] && envs+=(SLOW_FSYNC_MS=$([[ $target == new ]] && echo 300 || echo 5000))
  [[ $moment == after ]] && envs+=(SLOW_RENAME_MS=1500)
  if [[ $target == new ]]; then
    OUT=$W/new
    cmd=(new "$plan" --year 2027 -o "$OUT")
  else
    OUT=$W/out.$target
    cp "$SENTINEL" "$OUT"
    cmd=(render "$plan" -o "$OUT")
  fi
  env --default-signal=INT,TERM,HUP "${envs[@]}" timeout -k 5 30 "$BIN" "${cmd[@]}" >"$W/stdout" 2>"$W/stderr" &
  PID=$!
  local res=() seen=1
  case $moment in
    before) sleep 0.2 ;;
    during) if [[ $target == new ]]; then wait_for tmp_folder_there || seen=0; else wait_for tmp_file_there || seen=0; fi ;;
    after) wait_for output_changed || seen=0 ;;
  esac
  ((seen)) || res+=("the moment to signal never came")
  # timeout(1) passes the signal on to kehoach and then ends the same way kehoach did.
  kill -s "$sig" "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  local rc=$? want=$((128 + $(kill -l "$sig")))
  ((rc == want)) || res+=("exit $rc, expected $want (killed by SIG$sig)")
  local nlines
  nlines=$(wc -l <"$W/stderr")
  ((nlines <= 1)) || res+=("stderr has $nlines lines, expected at most one")
  if ((nlines == 1)) && ! grep -qx "kehoach: stopped by SIG$sig" "$W/stderr"; then
    res+=("stderr is not \"kehoach: stopped by SIG$sig\"")
  fi
  grep -q 'Sanitizer\|runtime error:' "$W/stderr" && res+=("a sanitizer report")
  tmp_file_there && res+=("a *.tmp-* file was left")
  tmp_folder_there && res+=("a temporary folder was left")
  if [[ $target == new ]]; then
    # Nothing, or the whole new folder.
    if [[ -e $OUT ]]; then
      [[ $(cd "$OUT" && ls -A | sort) == "$(cd "$plan" && ls -A | sort)" ]] || res+=("the new folder is not complete")
      grep -q '2027' "$OUT/plan.lua" || res+=("the new folder's plan was not rewritten")
    fi
    [[ $moment == before && -e $OUT ]] && res+=("a new folder appeared though the plan was still running")
  else
    if cmp -s "$SENTINEL" "$OUT"; then
      [[ $moment == after ]] && res+=("the output was renamed into place, and then lost")
    elif ! unzip -tq "$OUT" >/dev/null 2>&1; then
      res+=("the existing output was replaced by a partial file")
    elif ! cmp -s <(main_part "$OUT") "$TMP/reference.$target.main"; then
      res+=("the existing output was replaced by a different document")
    elif [[ $moment != after ]]; then
      res+=("the existing output was replaced though the signal came before the rename")
    fi
  fi
  local extra
  extra=$(cd "$W" && ls -A | grep -vxE 'stdout|stderr|out\.(docx|odt)|new')
  [[ -z $extra ]] || res+=("left in the output folder: $(tr '\n' ' ' <<<"$extra")")
  if ((${#res[@]} == 0)); then
    ok "$name: exit $rc$( ((nlines)) && echo ": $(cat "$W/stderr")")"
    rm -rf "$W"
  else
    not_ok "$name: $(IFS=';'; echo "${res[*]}") — stderr: $(head -c 300 "$W/stderr" | tr '\n' '|')"
  fi
}

for sig in TERM INT HUP; do
  for target in docx odt; do
    for moment in before during after; do run "$sig" "$target" "$moment"; done
  done
  for moment in before during; do run "$sig" new "$moment"; done
done

# Under nohup (SIGHUP ignored when kehoach starts) a hangup does not stop the run.
W=$TMP/nohup
mkdir -p "$W"
env --ignore-signal=HUP LD_PRELOAD="$TMP/slow.so" SLOW_FSYNC_MS=1000 "$BIN" render "$TMP/fast" -o "$W/out.docx" 2>"$W/stderr" &
PID=$! OUTDIR=$W
if wait_for tmp_file_there; then
  kill -s HUP "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  rc=$?
  if ((rc == 0)) && [[ ! -s $W/stderr ]] && cmp -s <(main_part "$W/out.docx") "$TMP/reference.docx.main"; then
    ok "HUP ignored (nohup): the render goes on to the end"
  else
    not_ok "HUP ignored (nohup): exit $rc, stderr: $(head -c 300 "$W/stderr")"
  fi
else
  wait "$PID" 2>/dev/null
  not_ok "HUP ignored (nohup): no temporary file was seen"
fi

echo "# $((SECONDS - START)) s, $BIN"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
