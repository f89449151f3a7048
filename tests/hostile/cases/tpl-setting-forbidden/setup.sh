case $VARIANT in
  font) set='{ font = "Times\u{1}New Roman" }' ;;
  lang) set='{ lang = "vi-VN\u{FFFF}" }' ;;
  closing) set='{ closing = ".\u{1B}[31m/." }' ;;
  motto) set='{ header = { motto = "CỘNG HÒA\u{0}XÃ HỘI" } }' ;;
  format) set='{ levels = { [1] = { format = "%s.\u{8} " } } }' ;;
  label) set='{ recipients = { label = "Nơi nhận\u{DC00}:" } }' ;;
esac
python3 - "$set" <<'PY'
import sys
s = open('t.lua').read().replace('SETTINGS', sys.argv[1])
open('t.lua', 'w').write(s)
PY
