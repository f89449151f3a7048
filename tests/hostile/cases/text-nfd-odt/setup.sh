python3 - <<'PY'
import unicodedata
for f in ('plan.lua', 'body.txt', 't.csv'):
    s = open(f, encoding='utf-8').read()
    open(f, 'w', encoding='utf-8').write(unicodedata.normalize('NFD', s))
PY
grep -q $'e\xcc\x82\xcc\x81' plan.lua body.txt t.csv   # "ế" decomposed is really there
