#!/usr/bin/env bash
# Reproducible output: the same plan gives the same bytes, whenever and wherever it is rendered.
# The date a document carries (docProps/core.xml, meta.xml, every zip entry) is SOURCE_DATE_EPOCH
# when set, else the plan's date at 00:00 UTC (the 1st for a draft "YYYY-MM").
# Usage: tests/integration/reproducible.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: reproducible.sh BIN}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
unset SOURCE_DATE_EPOCH

# dates DOC: the document's dates as a reader sees them, one line: "core=… entries=…".
dates() {
  "$PY" - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
part = "docProps/core.xml" if "docProps/core.xml" in names else "meta.xml"
xml = z.read(part).decode()
stamps = sorted(set(re.findall(r"(?:created|modified|creation-date|<dc:date)[^>]*>([^<]+)<", xml)))
entries = sorted({"%04d-%02d-%02dT%02d:%02d:%02d" % i.date_time for i in z.infolist()})
print("core=" + ",".join(stamps), "entries=" + ",".join(entries))
PY
}

for ex in dak-lak-2026 binh-phuoc-2024; do
  for fmt in docx odt; do
    a=$TMP/$ex-a.$fmt b=$TMP/$ex-b.$fmt c=$TMP/$ex-c.$fmt
    "$BIN" render "examples/$ex" -o "$a" || { not_ok "$ex.$fmt: render"; continue; }
    sleep 1.1   # a clock that entered the bytes would now show
    TZ=Asia/Ho_Chi_Minh "$BIN" render "examples/$ex" -o "$b"
    TZ=America/New_York LC_ALL=C "$BIN" render "examples/$ex" -o "$c"
    if cmp -s "$a" "$b" && cmp -s "$a" "$c"; then ok "$ex.$fmt: three renders, a second apart, in three time zones: the same bytes"
    else not_ok "$ex.$fmt: renders differ: $(cmp "$a" "$b" 2>&1 | head -1)"; fi
    if out=$(tests/lib/validate-output.sh "$a" 2>&1); then ok "$ex.$fmt: valid against the schemas"
    else not_ok "$ex.$fmt: not valid: $(head -3 <<<"$out")"; fi
  done
done

# The plan's date: dak-lak-2026 is a draft of June 2026 (no day), binh-phuoc-2024 a bundle whose
# first document is dated 2024-01-11.
want_dl="core=2026-06-01T00:00:00Z entries=2026-06-01T00:00:00"
want_bp="core=2024-01-11T00:00:00Z entries=2024-01-11T00:00:00"
for fmt in docx odt; do
  got=$(dates "$TMP/dak-lak-2026-a.$fmt")
  [[ $got == "$want_dl" ]] && ok "dak-lak-2026.$fmt: dated by the plan (draft: the 1st): $got" || not_ok "dak-lak-2026.$fmt: got $got, wanted $want_dl"
  got=$(dates "$TMP/binh-phuoc-2024-a.$fmt")
  [[ $got == "$want_bp" ]] && ok "binh-phuoc-2024.$fmt: dated by the bundle's first document: $got" || not_ok "binh-phuoc-2024.$fmt: got $got, wanted $want_bp"
done
# python-docx reads the date the way Word's File > Info shows it.
got=$("$PY" -c 'import sys, docx; p = docx.Document(sys.argv[1]).core_properties; print(p.created.isoformat(), p.modified.isoformat())' "$TMP/dak-lak-2026-a.docx" 2>&1)
[[ $got == "2026-06-01T00:00:00 2026-06-01T00:00:00" ]] && ok "python-docx: created and modified 2026-06-01" || not_ok "python-docx: $got"

# SOURCE_DATE_EPOCH wins: 1700000000 is 2023-11-14 22:13:20 UTC (zip entries keep even seconds).
for fmt in docx odt; do
  SOURCE_DATE_EPOCH=1700000000 "$BIN" render examples/dak-lak-2026 -o "$TMP/s.$fmt"
  got=$(dates "$TMP/s.$fmt")
  want="core=2023-11-14T22:13:20Z entries=2023-11-14T22:13:20"
  [[ $got == "$want" ]] && ok "$fmt: SOURCE_DATE_EPOCH=1700000000: $got" || not_ok "$fmt: SOURCE_DATE_EPOCH: got $got, wanted $want"
done
# Before 1980 a zip entry cannot be dated: the entries say 1980-01-01, the document its own date.
SOURCE_DATE_EPOCH=0 "$BIN" render examples/dak-lak-2026 -o "$TMP/zero.docx"
got=$(dates "$TMP/zero.docx")
[[ $got == "core=1970-01-01T00:00:00Z entries=1980-01-01T00:00:00" ]] && ok "SOURCE_DATE_EPOCH=0: $got" || not_ok "SOURCE_DATE_EPOCH=0: $got"

# A value that is not seconds: one line naming the variable, exit 2, the existing file kept.
cp "$TMP/s.docx" "$TMP/keep.docx"
for bad in abc -5 1.5e9 "" 99999999999999; do
  err=$(SOURCE_DATE_EPOCH=$bad "$BIN" render examples/dak-lak-2026 -o "$TMP/keep.docx" 2>&1); rc=$?
  if ((rc == 2)) && [[ $(wc -l <<<"$err") == 1 && $err == *SOURCE_DATE_EPOCH* ]] && cmp -s "$TMP/s.docx" "$TMP/keep.docx"; then
    ok "SOURCE_DATE_EPOCH='$bad': exit 2, one line, the file kept"
  else not_ok "SOURCE_DATE_EPOCH='$bad': exit $rc: $err"; fi
done

echo "$pass passed, $fail failed"
((fail == 0))
