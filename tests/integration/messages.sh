#!/usr/bin/env bash
# Messages in Vietnamese and in English: the help texts, usage errors, and the errors of plans
# from tests/hostile/cases, run under KEHOACH_LANG=vi (every line Vietnamese: no English word
# left once quoted text, paths, options and FILE:LINE places are taken out) and KEHOACH_LANG=en
# (the lines the tests grep, as written in the source). Also: LANG=vi_VN.UTF-8 works on a machine
# where that locale is not generated, LANGUAGE is not read under the C locale, and po/vi.po
# translates every message the sources hold, none fuzzy.
# Usage: tests/integration/messages.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: messages.sh BIN}")
HOSTILE=$(readlink -f tests/hostile)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
export LC_ALL=C.UTF-8
unset LANGUAGE LANG LC_MESSAGES KEHOACH_LANG KEHOACH_LOCALE_DIR

# The words of a line that must be Vietnamese: what is left once quoted text ('…', "…", `…`),
# paths and FILE:LINE places, options (-o, --year), values such as docx|odt, Lua names
# (cell.shade, table.rows[1]), CAPITALS (PLAN, YYYY), a finding's rule id ([file]) and numbers
# are taken out.
cat >"$TMP/lang.py" <<'EOF'
import re, sys
ENGLISH = set("""the a an expected cannot file files line lines field fields must not with of is are
was were got unknown command option options needs need usage folder plan table row rows column
columns cell cells and or for from this that these to at by be no only one has have which when
it its into instead exists already found there than more see template templates output standard
write written wrote copy copied link linking followed read open create empty text document
page pages change changes fixed dry run nothing default help whole never closed heading level
levels title after before quote separator budget exceeded memory loop ends limit time seconds
program install give set error errors warning warnings did you mean check""".split())
VI = set("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ")
COMMANDS = {"kehoach", "render", "check", "new", "templates", "json", "lua", "csv", "utf",
            "libreoffice", "soffice", "debian", "notepad", "excel", "unicode", "byte", "mm",
            "pdf", "docx", "odt", "xml", "read_text", "mode", "nil", "true", "false"}

# A list of the plan's field names ("agency, title, name"), as a message lists what may be typed.
FIELDS = set(re.findall(r'name = "([a-z_]+)"', open("lua/schema.lua", encoding="utf-8").read()))
LIST = re.compile(r"[a-z_]+(?:, [a-z_]+){2,}")
# Words a plan or template wrote itself (its error() and kh.warn texts): its author's language,
# not kehoach's. They are the words of the string literals of the Lua files in AUTHOR (a folder).
AUTHOR = set()
if len(sys.argv) > 2:
    import glob
    import os, stat
    for f in glob.glob(sys.argv[2] + "/*.lua"):
        if not stat.S_ISREG(os.lstat(f).st_mode) or os.path.getsize(f) > 1 << 20:
            continue                                            # a folder, a FIFO, a link: no text
        src = open(f, encoding="utf-8", errors="replace").read()
        for lit in re.findall(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|\[\[.*?\]\]', src, re.S):
            AUTHOR.update(w.lower() for w in re.findall(r"[^\W\d_]+", lit))

def words(line):
    s = re.sub(r" \[[a-z-]+\]$", " ", line)                   # the rule's id: [file]
    s = re.sub(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[ntr])", " ", s)   # a control character shown
    s = re.sub(r"\w*…", " ", s)                                # a word cut where the message is
    s = LIST.sub(lambda m: " " if set(m.group(0).split(", ")) <= FIELDS else m.group(0), s)
    s = re.sub(r"\b([a-z_]+)(?=: )", lambda m: " " if m.group(1) in FIELDS else m.group(1), s)   # "template: …"
    s = re.sub(r"'(?:[^'\\]|\\.)*'|\"[^\"]*\"|“[^”]*”|`[^`]*`", " ", s)
    s = re.sub(r"\S*[/|]\S*|\S+\.(?:txt|csv|lua|docx|odt|pdf|md)\b\S*|\S+:\d+\S*", " ", s)
    s = re.sub(r"(?<!\w)--?[A-Za-z][\w-]*", " ", s)
    s = re.sub(r"\w+(?:[-_]\w+)+", " ", s)                     # pdf-a-1a, read_text
    s = re.sub(r"\b\w+(?:[.\[]\w*\]?)+\w*", " ", s)            # cell.shade, table.rows[1]
    return [w for w in re.findall(r"[^\W\d_]+", s)
            if not w.isupper() and w.lower() not in COMMANDS and w.lower() not in AUTHOR]

bad = 0
for n, line in enumerate(sys.stdin.read().splitlines(), 1):
    ws = words(line)
    if sys.argv[1] == "vi":
        leaked = [w for w in ws if w.lower() in ENGLISH]
        plain = len(ws) >= 3 and not any(c in VI for c in " ".join(ws).lower())
        if leaked or plain:
            print("  English in: %s  [%s]" % (line, " ".join(leaked) or "no Vietnamese word"))
            bad += 1
    else:
        # English, with the decree's Vietnamese terms quoted in it ("a tên loại of the decree"):
        # a line of two words or more holds English ones
        if len(ws) >= 2 and not any(w.lower() in ENGLISH for w in ws):
            print("  not English: %s" % line)
            bad += 1
sys.exit(1 if bad else 0)
EOF
# check_lang WHAT LANG FILE: every line of FILE (at least one) is in LANG.
check_lang() {
  local what=$1 lang=$2 file=$3
  if [ ! -s "$file" ]; then not_ok "$what ($lang): no output"; return; fi
  if /usr/bin/python3 "$TMP/lang.py" "$lang" <"$file" >"$TMP/why"; then ok "$what ($lang)"
  else not_ok "$what ($lang):"; head -5 "$TMP/why"; fi
}

# A plan of tests/hostile/cases: its files laid over a copy of tests/hostile/base, its setup.sh
# run, as tests/hostile/run.sh does. Prints the plan's folder.
hostile_plan() {
  local name=$1 variant=${2:-} dir="$HOSTILE/cases/$1"
  W=$TMP/$name${variant:+-$variant}; PLAN=$W/plan; OUT=$W/out/out.docx; OUTDIR=$W/out
  rm -rf "$W"; mkdir -p "$W/out"; cp -r "$HOSTILE/base" "$PLAN"
  (cd "$dir" && for f in * .[!.]*; do
     [[ -e $f || -L $f ]] || continue
     case $f in expected|setup.sh|verify.sh) ;; *) cp -a "$f" "$PLAN/" ;; esac
   done)
  if [ -f "$dir/setup.sh" ]; then
    (cd "$PLAN" && VARIANT=$variant SECRET=secret BIN=$BIN && export W PLAN OUT OUTDIR VARIANT BIN SECRET &&
      bash "$dir/setup.sh") >/dev/null 2>&1
  fi
}

# run_both WHAT CMD…: CMD's output (stdout and stderr) under each language, into $TMP/WHAT.vi and
# $TMP/WHAT.en: the Vietnamese checked line by line; the English the same as with no language
# asked (the source's text), and each of its lines English unless HELP=1 (a help text's lines
# go on from one to the next and quote Vietnamese examples).
run_both() {
  local what=$1; shift
  local args=() a
  for a in "$@"; do args+=("$a"); done
  KEHOACH_LANG=vi "$BIN" "${args[@]}" >"$TMP/$what.vi" 2>&1 </dev/null
  KEHOACH_LANG=en "$BIN" "${args[@]}" >"$TMP/$what.en" 2>&1 </dev/null
  "$BIN" "${args[@]}" >"$TMP/$what.default" 2>&1 </dev/null
  sed -i '/^$/d' "$TMP/$what.vi" "$TMP/$what.en" "$TMP/$what.default"
  check_lang "$what" vi "$TMP/$what.vi"
  if ! cmp -s "$TMP/$what.en" "$TMP/$what.default"; then
    not_ok "$what (en): not the text with no language asked"
  elif [ "${HELP:-0}" = 1 ]; then
    ok "$what (en)"
  else
    check_lang "$what" en "$TMP/$what.en"
  fi
}

# Help texts and usage errors (check's own help and usage are kehoach check's).
HELP=1 run_both "kehoach --help" --help
HELP=1 run_both "kehoach (no command)"
HELP=1 run_both "render --help" render --help
HELP=1 run_both "new --help" new --help
HELP=1 run_both "templates --help" templates --help
run_both "unknown command" frobnicate
run_both "render: unknown option" render --bogus
run_both "render: no plan" render
run_both "render: bad --part" render plan --part middle
run_both "render: --max-memory without a value" render plan --max-memory
run_both "new: unknown option" new --bogus
run_both "new: no --year" new plan -o x
run_both "new: no -o" new plan --year 2027

# Failures of hostile plans whose messages come from the file reader, CSV and markup readers,
# the package writer, the sandbox, the builder and `kehoach new`.
for c in file-body-symlink-out file-csv-directory file-body-dotdot out-is-folder out-stdout-no-format \
         markup-heading-level-4 markup-unclosed-bold text-bom-csv-semicolon-ragged \
         text-csv-semicolon-unclosed-quote text-bom-only-csv; do
  hostile_plan "$c"
  extra=$(sed -n 's/^args //p' "$HOSTILE/cases/$c/expected")
  # shellcheck disable=SC2086
  run_both "$c" render "$PLAN" -o "$OUT" $extra
done
hostile_plan text-utf16-body le; run_both text-utf16-body render "$PLAN" -o "$OUT"
hostile_plan plan-endless-loop; run_both plan-endless-loop render "$PLAN" -o "$OUT" --max-instructions 1e7
hostile_plan tpl-colour-out-of-range; run_both tpl-colour-out-of-range render "$PLAN" -o "$OUT" --template "$PLAN/t.lua"
hostile_plan new-body-symlink; run_both new-body-symlink new "$PLAN" -o "$W/out/new" --year 2027
hostile_plan out-is-folder; mkdir -p "$W/exists"
run_both "new: the folder exists" new "$PLAN" -o "$W/exists" --year 2027

# Several plans in one run: its usage errors and the line that counts what was written.
run_both "render: several plans without -O" render plan other
run_both "render: -O not a folder" render plan -O "$W/no-such-folder"
run_both "render: -o and -O" render plan -o x.docx -O "$W"
hostile_plan out-is-folder; mkdir -p "$W/batch" "$W/broken"; printf 'return {\n' >"$W/broken/plan.lua"
run_both "render: two plans of one name" render "$PLAN" "$PLAN/" -O "$W/batch"
run_both "render: several plans, one broken" render "$PLAN" "$W/broken" -O "$W/batch"

# Messages of the Lua modules and templates (kh._): a typed STT number that is not the automatic
# one (stt.lua), a '^' with no cell above (tables.lua), a template's unknown setting and a function
# no layout step calls (nd30.lua).
hostile_plan out-is-folder
sed -i '2s/^,/7,/' "$PLAN/t.csv"
run_both "tables: typed STT" render "$PLAN" -o "$W/out/stt.docx"
sed -i '1s/^STT,Nhiệm vụ/STT,^/' "$PLAN/t.csv"
run_both "tables: '^' in the first row" render "$PLAN" -o "$W/out/merge.docx"
hostile_plan out-is-folder
cat >"$W/typo.lua" <<'LUA'
local T = require("nd30").extend{ settings = { body = { sise = 13 } } }
function T.recipient_lst(ctx, items) return {} end
return T
LUA
run_both "nd30: unknown setting" render "$PLAN" -o "$W/out/typo.docx" --template "$W/typo.lua"

# The corpora: every case of tests/check (check, then render) and every case of tests/hostile
# that runs as a plain render (with its own arguments), under Vietnamese: every line of what
# kehoach prints is Vietnamese, once the words the plan's or template's author wrote (the string
# literals of its Lua files) are set aside: those are in the author's language, not kehoach's.
# One line a corpus, the cases that leak named. MESSAGES_CORPUS=0 leaves the corpora out.
corpus() {
  local what=$1 name=$2 author=$3 lang; shift 3
  for lang in vi en; do
    KEHOACH_LANG=$lang "$@" >"$TMP/corpus.out" 2>&1 </dev/null
    sed -i '/^$/d' "$TMP/corpus.out"
    [ -s "$TMP/corpus.out" ] || continue
    if ! /usr/bin/python3 "$TMP/lang.py" $lang "$author" <"$TMP/corpus.out" >"$TMP/corpus.why"; then
      eval "leaks_$lang+=(\"\$name\")"; { echo "  [$name]"; head -3 "$TMP/corpus.why"; } >>"$TMP/$what.$lang.leaks"
    fi
  done
  cases=$((cases + 1))
}
corpus_verdict() {
  local what=$1 lang
  for lang in vi en; do
    local -n leaked=leaks_$lang
    if ((${#leaked[@]} == 0)); then ok "$what under $lang: $cases runs, every line in $lang"
    else not_ok "$what under $lang: ${#leaked[@]} of $cases runs: ${leaked[*]}"; cat "$TMP/${what//\//_}.$lang.leaks"; fi
  done
}
if [ "${MESSAGES_CORPUS:-1}" = 1 ]; then
leaks_vi=() leaks_en=() cases=0
for dir in tests/check/cases/*/; do
  dir=${dir%/} name=${dir##*/}
  KEHOACH_TEMPLATE_PATH=$dir corpus tests_check "check/$name" "$dir" "$BIN" check "$dir"
  KEHOACH_TEMPLATE_PATH=$dir corpus tests_check "render/$name" "$dir" "$BIN" render "$dir" -o "$TMP/corpus.docx"
done
corpus_verdict tests/check
leaks_vi=() leaks_en=() cases=0
for dir in "$HOSTILE"/cases/*/; do
  name=$(basename "$dir")
  grep -Eq '^(command|env|fsize|unprivileged|variants|output)\b' "$dir/expected" && continue
  hostile_plan "$name"
  extra=$(sed -n 's/^args //p' "$dir/expected" | sed "s|{PLAN}|$PLAN|g; s|{W}|$W|g; s|{OUT}|$OUT|g; s|{OUTDIR}|$OUTDIR|g")
  # shellcheck disable=SC2086
  corpus tests_hostile "hostile/$name" "$PLAN" timeout 60 "$BIN" render "$PLAN" -o "$OUT" $extra
  rm -rf "$W"
done
corpus_verdict tests/hostile

else
  echo "skip - the check and hostile corpora under vi (MESSAGES_CORPUS=0)"
fi

# The English lines are the source's, which the other tests grep.
grep -qx "kehoach: unknown command 'frobnicate' (see kehoach --help)" "$TMP/unknown command.en" &&
  ok "English: the unknown command line as written" || not_ok "English: $(cat "$TMP/unknown command.en")"
grep -qx "kehoach: không có lệnh 'frobnicate' (xem kehoach --help)" "$TMP/unknown command.vi" &&
  ok "Vietnamese: the unknown command line" || not_ok "Vietnamese: $(cat "$TMP/unknown command.vi")"

# The choice without KEHOACH_LANG: LANG=vi_VN.UTF-8 even where that locale is not generated
# (locale -a), KEHOACH_LANG=en over it, LANGUAGE=vi under the C locale not read.
"$BIN" frobnicate >"$TMP/default" 2>&1
cmp -s "$TMP/default" "$TMP/unknown command.en" && ok "no language asked: English" || not_ok "default: $(cat "$TMP/default")"
env -u LC_ALL LANG=vi_VN.UTF-8 "$BIN" frobnicate >"$TMP/lang" 2>&1
cmp -s "$TMP/lang" "$TMP/unknown command.vi" &&
  ok "LANG=vi_VN.UTF-8: Vietnamese ($(locale -a 2>/dev/null | grep -qi '^vi_VN' && echo generated || echo not generated here))" ||
  not_ok "LANG=vi_VN.UTF-8: $(cat "$TMP/lang")"
env -u LC_ALL LANG=vi_VN.UTF-8 KEHOACH_LANG=en "$BIN" frobnicate >"$TMP/lang" 2>&1
cmp -s "$TMP/lang" "$TMP/unknown command.en" && ok "KEHOACH_LANG=en over LANG=vi_VN.UTF-8" || not_ok "KEHOACH_LANG=en: $(cat "$TMP/lang")"
env -u LC_ALL LANG=en_US.UTF-8 LANGUAGE=vi:en "$BIN" frobnicate >"$TMP/lang" 2>&1
cmp -s "$TMP/lang" "$TMP/unknown command.vi" && ok "LANGUAGE=vi:en: Vietnamese" || not_ok "LANGUAGE=vi:en: $(cat "$TMP/lang")"
LC_ALL=C LANGUAGE=vi "$BIN" frobnicate >"$TMP/lang" 2>&1
cmp -s "$TMP/lang" "$TMP/unknown command.en" && ok "LC_ALL=C LANGUAGE=vi: English, as gettext does" || not_ok "LC_ALL=C: $(cat "$TMP/lang")"
# The translations come from the catalogue: without it, the English text.
KEHOACH_LANG=vi KEHOACH_LOCALE_DIR=$TMP/none "$BIN" frobnicate >"$TMP/lang" 2>&1
cmp -s "$TMP/lang" "$TMP/unknown command.en" && ok "no catalogue: English" || not_ok "no catalogue: $(cat "$TMP/lang")"
# The plural: one form in Vietnamese, two in English.
hostile_plan out-is-folder
KEHOACH_LANG=en "$BIN" new "$PLAN" --year 2027 --dry-run 2>&1 | tail -1 | grep -Eq 'would have [0-9]+ changes? in 1 file;' &&
  ok "English plural: 1 file" || not_ok "English plural"
KEHOACH_LANG=vi "$BIN" new "$PLAN" --year 2027 --dry-run 2>&1 | tail -1 | grep -Eq 'sẽ có [0-9]+ chỗ thay đổi trong 1 tệp;' &&
  ok "Vietnamese: one form" || not_ok "Vietnamese plural"

# po/vi.po: every message of the sources translated (xgettext now, merged with po/vi.po), none
# fuzzy, the format of each kept (msgfmt -c).
if command -v xgettext >/dev/null && command -v msgmerge >/dev/null; then
  xgettext --from-code=UTF-8 -L C -k_ -kN_ -kkh_ngettext:1,2 -o "$TMP/k.pot" src/*/*.c &&
    xgettext -j --from-code=UTF-8 -L Lua -k_ -kN_ -kkh._ -kkh.ngettext:1,2 -kmsg -kmsgn:1,2 -o "$TMP/k.pot" lua/*.lua templates/*.lua &&
    msgmerge -q --no-fuzzy-matching -o "$TMP/merged.po" po/vi.po "$TMP/k.pot" &&
    msgfmt -c --statistics -o /dev/null "$TMP/merged.po" 2>"$TMP/stats"
  if grep -q 'translated message' "$TMP/stats" && ! grep -Eq 'untranslated|fuzzy' "$TMP/stats"; then
    ok "po/vi.po translates every message: $(cat "$TMP/stats")"
  else
    not_ok "po/vi.po: $(cat "$TMP/stats")"
  fi
else
  echo "skip - xgettext or msgmerge missing (Debian package gettext)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
