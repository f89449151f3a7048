#!/usr/bin/env bash
# A staged install (make install DESTDIR=… PREFIX=/opt/kh) used as an office would: the installed
# program, run from another folder, renders with the installed templates; the tree still works
# when moved; KEHOACH_SHARE_DIR overrides; the man page opens; the completion sources; and
# make uninstall leaves nothing behind.
# Usage: tests/integration/install.sh [MAKEVAR=VALUE…]   (from the repository root; the values,
# such as SANITIZE=1, go to make)
set -u
ROOT=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3
MAKE=${MAKE:-make}
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
unset KEHOACH_SHARE_DIR KEHOACH_TEMPLATE_PATH

# the text of a DOCX's paragraphs and table cells, as Word shows them (python-docx)
docx_text() {
  $PY - "$1" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs: print(p.text)
for t in d.tables:
    for row in t.rows:
        for c in row.cells: print(c.text)
PY
}
# render DIR KEHOACH OUT [ENV…]: render the Đắk Lắk example from DIR (no templates/ there)
render() {
  local dir=$1 kh=$2 out=$3; shift 3
  (cd "$dir" && env "$@" "$kh" render "$ROOT/examples/dak-lak-2026" -o "$out") 2>"$TMP/render.err"
}

DEST=$TMP/dest
PREFIX=/opt/kh
case $PREFIX in /*) [ ! -e "$PREFIX" ] || { echo "install.sh: $PREFIX exists on this machine; the check needs it absent" >&2; exit 2; } ;; esac
if "$MAKE" -s install DESTDIR="$DEST" PREFIX="$PREFIX" "$@" >"$TMP/install.log" 2>&1; then
  ok "make install DESTDIR=… PREFIX=$PREFIX"
else
  not_ok "make install: $(tail -3 "$TMP/install.log")"; echo "$pass passed, $fail failed"; exit 1
fi
check "nothing written outside DESTDIR ($PREFIX not made on the machine)" test ! -e "$PREFIX"
I=$DEST$PREFIX
for f in bin/kehoach share/kehoach/templates/nd30.lua share/kehoach/lua/vn.lua share/man/man1/kehoach.1 \
  share/bash-completion/completions/kehoach share/doc/kehoach/examples/dak-lak-2026/plan.lua \
  share/locale/vi/LC_MESSAGES/kehoach.mo; do
  check "installed: $f" test -f "$I/$f"
done
check "bin/kehoach is executable" test -x "$I/bin/kehoach"

# From a folder with no templates/: the installed nd30, edited, is the one used.
mkdir -p "$TMP/work"
listing=$(cd "$TMP/work" && "$I/bin/kehoach" templates)
check "kehoach templates names the installed nd30.lua" grep -Eqx "nd30 +$I/share/kehoach/templates/nd30.lua" <<<"$listing"
check "kehoach templates names the installed folder, found beside the program" \
  grep -Fqx "installed folder: $I/share/kehoach (beside the program)" <<<"$listing"
check "the built-in nd30 comes after the installed one" \
  grep -Eqx "nd30 +built in \(not used: $I/share/kehoach/templates/nd30.lua comes first\)" <<<"$listing"
sed -i 's/^\(    slogan = "Độc lập - Tự do - Hạnh phúc\)"/\1 (mẫu đã cài)"/' "$I/share/kehoach/templates/nd30.lua"
check "the installed nd30.lua was edited" grep -q 'mẫu đã cài' "$I/share/kehoach/templates/nd30.lua"
if render "$TMP/work" "$I/bin/kehoach" a.docx; then
  ok "the installed kehoach renders from another folder"
  check "the edited installed template shapes the document" grep -qx 'Độc lập - Tự do - Hạnh phúc (mẫu đã cài)' <<<"$(docx_text "$TMP/work/a.docx")"
  if out=$("$ROOT/tests/lib/validate-output.sh" "$TMP/work/a.docx" 2>&1); then ok "the DOCX is well-formed and valid against the schemas"
  else not_ok "validate-output: $(head -3 <<<"$out")"; fi
else
  not_ok "the installed kehoach renders from another folder: $(head -2 "$TMP/render.err")"
fi

# A symbolic link to the program (as in /usr/bin) still finds the share folder.
mkdir -p "$TMP/links"
ln -s "$I/bin/kehoach" "$TMP/links/kehoach"
check "through a symbolic link the share folder is still found" \
  grep -Eqx "nd30 +$I/share/kehoach/templates/nd30.lua" <<<"$(cd "$TMP/work" && "$TMP/links/kehoach" templates)"

# The whole tree moved elsewhere still works: nothing of the prefix is compiled in.
mkdir -p "$TMP/moved"
mv "$I" "$TMP/moved/kh"
M=$TMP/moved/kh
listing=$(cd "$TMP/work" && "$M/bin/kehoach" templates)
check "moved: kehoach templates names the moved nd30.lua" grep -Eqx "nd30 +$M/share/kehoach/templates/nd30.lua" <<<"$listing"
if render "$TMP/work" "$M/bin/kehoach" b.docx; then
  check "moved: the moved template shapes the document" grep -qx 'Độc lập - Tự do - Hạnh phúc (mẫu đã cài)' <<<"$(docx_text "$TMP/work/b.docx")"
else
  not_ok "moved: kehoach renders: $(head -2 "$TMP/render.err")"
fi

# The moved program still finds its Vietnamese messages (PREFIX/share/locale beside it).
check "moved: the messages in Vietnamese from the installed catalogue" \
  grep -qx "kehoach: không có lệnh 'x' (xem kehoach --help)" <<<"$(KEHOACH_LANG=vi "$M/bin/kehoach" x 2>&1)"

# KEHOACH_SHARE_DIR overrides the folder beside the program.
mkdir -p "$TMP/own"
cp -r "$M/share/kehoach/templates" "$M/share/kehoach/lua" "$TMP/own/"
sed -i 's/(mẫu đã cài)"/(mẫu riêng)"/' "$TMP/own/templates/nd30.lua"
listing=$(cd "$TMP/work" && KEHOACH_SHARE_DIR="$TMP/own" "$M/bin/kehoach" templates)
check "KEHOACH_SHARE_DIR: templates names its nd30.lua" grep -Eqx "nd30 +$TMP/own/templates/nd30.lua" <<<"$listing"
check "KEHOACH_SHARE_DIR: the folder beside the program is not searched" \
  bash -c '! grep -q "$1" <<<"$2"' _ "$M/share/kehoach/templates" "$listing"
check "KEHOACH_SHARE_DIR: the listing says where the folder came from" \
  grep -Fqx "installed folder: $TMP/own (from KEHOACH_SHARE_DIR)" <<<"$listing"
if render "$TMP/work" "$M/bin/kehoach" c.docx KEHOACH_SHARE_DIR="$TMP/own"; then
  check "KEHOACH_SHARE_DIR: its template shapes the document" grep -qx 'Độc lập - Tự do - Hạnh phúc (mẫu riêng)' <<<"$(docx_text "$TMP/work/c.docx")"
else
  not_ok "KEHOACH_SHARE_DIR: kehoach renders: $(head -2 "$TMP/render.err")"
fi
listing=$(cd "$TMP/work" && KEHOACH_SHARE_DIR="$TMP/none" "$M/bin/kehoach" templates)
check "KEHOACH_SHARE_DIR naming no folder: said so, built-in templates listed" \
  bash -c 'grep -Fqx "installed folder: $1 (from KEHOACH_SHARE_DIR; not found)" <<<"$2" && grep -Eqx "nd30 +built in" <<<"$2"' _ "$TMP/none" "$listing"

# The installed man page opens with man -l; the completion file sources cleanly.
if LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$M/share/man/man1/kehoach.1" >"$TMP/man.txt" 2>"$TMP/man.err" && [ ! -s "$TMP/man.err" ]; then
  check "man -l opens the installed page" grep -q 'kehoach render PLAN' "$TMP/man.txt"
else
  not_ok "man -l: $(head -2 "$TMP/man.err")"
fi
check "the installed completion sources cleanly and completes kehoach" \
  bash --norc --noprofile -c 'source "$1" 2>"$2" && [ ! -s "$2" ] && complete -p kehoach >/dev/null' _ \
  "$M/share/bash-completion/completions/kehoach" "$TMP/comp.err"

# Back in place, make uninstall removes every file and every folder install made.
mv "$M" "$I"
if "$MAKE" -s uninstall DESTDIR="$DEST" PREFIX="$PREFIX" "$@" >"$TMP/uninstall.log" 2>&1; then
  ok "make uninstall DESTDIR=… PREFIX=$PREFIX"
else
  not_ok "make uninstall: $(tail -3 "$TMP/uninstall.log")"
fi
left=$(find "$DEST" -mindepth 1 | head -5)
check "nothing is left in DESTDIR, not even an empty folder${left:+: $(echo $left)}" test -z "$left"
# A folder that was there before install is kept, and so is what it holds.
mkdir -p "$DEST$PREFIX/bin" && touch "$DEST$PREFIX/bin/khac"
"$MAKE" -s install DESTDIR="$DEST" PREFIX="$PREFIX" "$@" >/dev/null 2>&1 &&
  "$MAKE" -s uninstall DESTDIR="$DEST" PREFIX="$PREFIX" "$@" >/dev/null 2>&1
left=$(cd "$DEST" && find . -mindepth 1 | sort | tr '\n' ' ')
check "uninstall keeps a folder it did not make and its other files (left: $left)" \
  test "$left" = "./opt ./opt/kh ./opt/kh/bin ./opt/kh/bin/khac "

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
