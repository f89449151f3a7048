# The character as UTF-8 bytes, put in line 5 after "- Hoàn thành **100%** nhiệm".
python3 - "$VARIANT" <<'PY'
import sys
c = chr(int(sys.argv[1], 16)).encode('utf-8', 'surrogatepass')
lines = open('body.txt', 'rb').read().split(b'\n')
lines[4] = lines[4].replace('nhiệm vụ'.encode(), 'nhiệm '.encode() + c + ' vụ'.encode())
open('body.txt', 'wb').write(b'\n'.join(lines))
PY
