kind=${VARIANT%%-*} field=${VARIANT#*-}
case $field in
  text) set='doc:section{} doc:paragraph{ text = v }' ;;
  run) set='doc:section{} doc:paragraph{ runs = { "a", { text = v } } }' ;;
  runs) set='doc:section{} doc:paragraph{ runs = { v } }' ;;
  style) set='doc:style{ id = "X", name = v }' ;;
  settings) set='doc:settings{ title = v }' ;;
  source) set='doc:section{} doc:table{ widths = { 50 }, source = v, rows = { { cells = { { content = { { text = "Ô" } } } } } } }' ;;
  markup) set='kh.markup(v)' ;;
  upper) set='kh.upper(v)' ;;
esac
python3 - "$kind" "$set" <<'PY'
import sys
s = open('t.lua').read().replace('KIND', repr(sys.argv[1])).replace('FIELD', sys.argv[2])
open('t.lua', 'w').write(s)
PY
