#!/usr/bin/env bash
# Golden packages: every example rendered to DOCX and ODT, its parts kept in tests/golden/ as
# normalised XML (xmllint --format: one element a line where there is no mixed content), beside
# the list of zip entries in their order. A change to the output shows as a readable diff.
#
#   tests/integration/golden.sh BIN check    compare with tests/golden/ (exit 1 and the start of the diff)
#   tests/integration/golden.sh BIN update   rewrite tests/golden/ and print the whole diff (make golden)
#
# Both first render each example twice and fail if the two packages differ in a single byte.
# Run from the repository root. SOURCE_DATE_EPOCH is unset: the documents carry the plan's date.
set -uo pipefail
BIN=$(readlink -f "${1:?usage: golden.sh BIN check|update}")
MODE=${2:?usage: golden.sh BIN check|update}
GOLDEN=tests/golden
[[ $MODE == check || $MODE == update ]] || { echo "golden.sh: MODE is check or update" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "golden.sh: xmllint not found (run scripts/install-deps test)" >&2; exit 2; }
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
unset SOURCE_DATE_EPOCH
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-golden.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
status=0

# unpack DOC DIR: DIR/zip-entries.txt (one zip entry a line, in order, with its compression method),
# then each part under DIR, XML normalised, anything else as it is.
unpack() {
  "$PY" - "$1" "$2" <<'PY' || return 1
import os, sys, zipfile
doc, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(doc) as z:
    with open(os.path.join(out, "zip-entries.txt"), "w") as f:
        for i in z.infolist():
            f.write("%s %s\n" % ("stored" if i.compress_type == zipfile.ZIP_STORED else "deflated", i.filename))
    for i in z.infolist():
        if i.filename.endswith("/") or i.filename.startswith("/") or ".." in i.filename.split("/"):
            continue
        path = os.path.join(out, i.filename)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(z.read(i))
PY
  local part
  while IFS= read -r part; do
    xmllint --format --nonet --output "$part" "$part" || return 1
  done < <(find "$2" -type f \( -name '*.xml' -o -name '*.rels' \))
}

mkdir -p "$TMP/new"
for dir in examples/*/; do
  ex=$(basename "$dir")
  for fmt in docx odt; do
    a=$TMP/$ex-a.$fmt b=$TMP/$ex-b.$fmt
    if ! "$BIN" render "$dir" -o "$a" || ! "$BIN" render "$dir" -o "$b"; then
      echo "golden.sh: $ex.$fmt: render failed" >&2; exit 1
    fi
    cmp -s "$a" "$b" || { echo "not ok - $ex.$fmt: two renders differ: $(cmp "$a" "$b" 2>&1)"; status=1; }
    mkdir -p "$TMP/new/$ex/$fmt"
    unpack "$a" "$TMP/new/$ex/$fmt" || { echo "golden.sh: $ex.$fmt: cannot unpack" >&2; exit 1; }
  done
done

if [[ $MODE == update ]]; then
  diff -ruN "$GOLDEN" "$TMP/new" | sed "s|$TMP/new|$GOLDEN (new)|"
  rm -rf "$GOLDEN" && cp -R "$TMP/new" "$GOLDEN" || exit 2
  echo "golden.sh: $GOLDEN rewritten; read the diff above before committing it"
  exit $status
fi
if [[ ! -d $GOLDEN ]]; then echo "not ok - $GOLDEN is missing (make golden)"; exit 1; fi
if out=$(diff -ruN "$GOLDEN" "$TMP/new"); then
  echo "ok - every part of every example equals $GOLDEN"
else
  echo "not ok - the output differs from $GOLDEN in $(grep -c '^diff ' <<<"$out") part(s):"
  grep '^diff ' <<<"$out" | sed "s|.* $GOLDEN/|  |; s| $TMP/new/.*||" | head -20
  head -40 <<<"$out" | sed "s|$TMP/new|(new)|"
  echo "  if the change is meant: make golden, read the diff it prints, commit tests/golden"
  status=1
fi
exit $status
