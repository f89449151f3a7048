python3 - "$OUT" <<'PY'
import re, sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
text = ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', x))
for want in ('Sở Nội vụ', 'Lưu: VT, VP', 'Lê Công Du'):
    if want not in text: sys.exit(f'document.xml lacks "{want}"')
if 'Sở Tài chính' in text: sys.exit('__tostring ran: "Sở Tài chính" is in the document')
PY
