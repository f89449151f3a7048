python3 - "$VARIANT" <<'PY'
import sys
c = chr(int(sys.argv[1], 16)).encode('utf-8')
lines = open('t.csv', 'rb').read().split(b'\n')
lines[2] = lines[2].replace('Kiểm'.encode(), c + 'Kiểm'.encode())
open('t.csv', 'wb').write(b'\n'.join(lines))
PY
