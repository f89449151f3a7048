#!/usr/bin/env bash
# The man page and --help agree: every command and option --help shows is in docs/kehoach.1,
# every option the page lists under a command is one that command's --help knows (with the same
# choice of values), and the page renders without a warning.
# Usage: tests/integration/manpage.sh BIN   (from the repository root)
set -u
BIN=$(readlink -f "${1:?usage: manpage.sh BIN}")
PAGE=docs/kehoach.1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }

# Each --help, saved for the comparison below.
"$BIN" --help >"$TMP/main.help" || not_ok "kehoach --help exits 0"
commands=$(sed -n '/^Commands:/,/^$/p' "$TMP/main.help" | grep -oE '^  [a-z]+' | tr -d ' ')
[ -n "$commands" ] && ok "kehoach --help lists commands: $(echo $commands)" || not_ok "kehoach --help lists commands"
for c in $commands; do
  "$BIN" "$c" --help >"$TMP/$c.help" || not_ok "kehoach $c --help exits 0"
done

# The comparison: one line per finding, "ok" lines first.
/usr/bin/python3 - "$TMP" "$PAGE" $commands >"$TMP/report" <<'PY'
import re, sys
tmp, page, commands = sys.argv[1], sys.argv[2], sys.argv[3:]
OPT = re.compile(r'(?:^|(?<=[\s,\[|]))(--?[A-Za-z][A-Za-z0-9-]*)(?:\s+([a-z0-9.]+(?:\|[a-z0-9.]+)+)(?=\s|$|\]))?')

def plain(roff):
    """A roff line as it reads: font escapes dropped, \\- as -."""
    return re.sub(r'\\f[BIRP]|\\&', '', roff).replace('\\-', '-')

def help_options(text):
    """{option: choices or None} from the option lines of a --help (two spaces, then -)."""
    found = {}
    for line in text.splitlines():
        if re.match(r'^ {2}-', line):
            spec = re.split(r'\s{2,}', line.strip())[0]
            for opt, choices in OPT.findall(spec):
                found[opt] = choices or found.get(opt)
    return found

src = open(page, encoding='ascii').read().splitlines()
text = '\n'.join(plain(l) for l in src)
# The page's sections: .SS "kehoach CMD ..." under COMMANDS, .SH OPTIONS for the program itself.
sections, current, tag_next = {}, None, False
for line in src:
    if line.startswith('.SS '):
        m = re.match(r'\.SS "kehoach (\w+)', line)
        current = m.group(1) if m else None
        if current: sections[current] = {}
    elif line.startswith('.SH '):
        current = 'kehoach' if line.strip() == '.SH OPTIONS' else None
        if current: sections[current] = {}
    elif line.startswith('.TP'):
        tag_next = True
        continue
    elif tag_next and current:
        for opt, choices in OPT.findall(plain(line)):
            sections[current][opt] = choices or None
    tag_next = False

def report(good, what):
    print(('ok - ' if good else 'not ok - ') + what)

main = open(f'{tmp}/main.help').read()
for c in commands:
    report(c in sections, f'the page has a section for the command {c}')
main_opts = set(re.findall(r'(?:^|(?<=[\s\[|]))(--?[a-z][a-z0-9-]*)', main))
missing = sorted(o for o in main_opts if not re.search(r'(?<![\w-])' + re.escape(o) + r'(?![\w-])', text))
report(not missing, 'every option kehoach --help shows is in the page' + (f': missing {missing}' if missing else ''))
unknown = sorted(set(sections.get('kehoach', {})) - main_opts)
report(not unknown, 'every option of the page\'s OPTIONS is in kehoach --help' + (f': unknown {unknown}' if unknown else ''))
for c in commands:
    h = help_options(open(f'{tmp}/{c}.help').read())
    m = sections.get(c, {})
    missing = sorted(set(h) - set(m))
    report(not missing, f'every option of kehoach {c} --help ({len(h)}) is in the page\'s {c} section'
           + (f': missing {missing}' if missing else ''))
    unknown = sorted(set(m) - set(h))
    report(not unknown, f'every option the page lists for {c} ({len(m)}) is known to kehoach {c} --help'
           + (f': unknown {unknown}' if unknown else ''))
    differ = sorted(f'{o} {h[o]} (page: {m[o]})' for o in set(h) & set(m) if h[o] != m[o])
    report(not differ, f'{c}: the page offers the same values as --help' + (f': {differ}' if differ else ''))
PY
[ -s "$TMP/report" ] || not_ok "the comparison ran"
while IFS= read -r line; do
  case $line in
    "ok - "*) ok "${line#ok - }" ;;
    *) not_ok "${line#not ok - }" ;;
  esac
done <"$TMP/report"

# The page renders without a warning, as roff and through man.
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$PAGE" 2>"$TMP/groff.err"
  [ ! -s "$TMP/groff.err" ] && ok "groff -man -ww renders the page without a warning" ||
    not_ok "groff warns: $(head -3 "$TMP/groff.err")"
elif command -v mandoc >/dev/null; then
  mandoc -Tlint -Wwarning "$PAGE" >"$TMP/mandoc.err" 2>&1 && [ ! -s "$TMP/mandoc.err" ] &&
    ok "mandoc -Tlint finds nothing" || not_ok "mandoc -Tlint: $(head -3 "$TMP/mandoc.err")"
else
  not_ok "neither groff nor mandoc is installed (Debian: groff-base or mandoc)"
fi
if LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$PAGE" 2>"$TMP/man.err" >"$TMP/man.txt" && [ ! -s "$TMP/man.err" ]; then
  grep -q 'kehoach render PLAN' "$TMP/man.txt" && grep -q 'EXIT STATUS' "$TMP/man.txt" &&
    ok "man -l shows the page" || not_ok "man -l shows the page"
else
  not_ok "man -l: $(head -3 "$TMP/man.err")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
