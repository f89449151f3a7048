# document.xml must hold "Cải thiện", "Hoàn thành", "Kiểm tra, đôn đốc" composed, and no
# combining mark (U+0300–U+036F, UTF-8 CC 80–CD AF) at all.
python3 - "$OUT" <<'PY'
import re, sys, zipfile, unicodedata
x = zipfile.ZipFile(sys.argv[1]).read('content.xml').decode('utf-8')
for want in ('Cải thiện Chỉ số cải cách hành chính', 'Hoàn thành', 'Kiểm tra, đôn đốc', 'Lê Công Du'):
    if want not in x:
        sys.exit(f'document.xml lacks "{want}" (NFC)')
    if unicodedata.normalize('NFD', want) in x and unicodedata.normalize('NFD', want) != want:
        sys.exit(f'document.xml holds "{want}" decomposed')
m = re.search('[\u0300-\u036f]', x)
if m:
    sys.exit(f'document.xml holds a combining mark U+{ord(m.group()):04X} near "{x[max(0, m.start() - 20):m.start()]}"')
PY
