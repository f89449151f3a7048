# The composed form is in the document (the validator already refused any part not in NFC).
python3 - "$OUT" "$VARIANT" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
want = 'KẾ HOẠCH THỰC HIỆN' if sys.argv[2] == 'upper' else 'Kế hoạch thực hiện'
allx = ''.join(z.read(n).decode('utf-8') for n in z.namelist() if n.endswith('.xml'))
if want not in allx: sys.exit(f'no part holds "{want}" composed')
PY
