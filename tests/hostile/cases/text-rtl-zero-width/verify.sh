python3 - "$OUT" <<'PY'
import sys, zipfile
odd = 'مرحبا שלום a\u200bb\u200cc\u200dd\u2060e\ufefff \u200eg\u200fh \u202eđảo\u202c'
x = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
n = x.count(odd)
# the subject, the body paragraph and the table cell; the subject may be split into runs or
# upper-cased by the template, so at least the body and the cell
if n < 2:
    sys.exit(f'document.xml holds the right-to-left and zero-width text {n} times, expected at least 2')
PY
