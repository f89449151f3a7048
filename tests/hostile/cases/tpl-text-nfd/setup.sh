case $VARIANT in
  title|subject|creator|description) set="doc:settings{ $VARIANT = nfd }" ;;
  name) set='doc:style{ id = "X", name = nfd } doc:section{} doc:paragraph{ style = "X", text = "a" }' ;;
  text) set='doc:section{} doc:paragraph{ text = nfd }' ;;
  run) set='doc:section{} doc:paragraph{ runs = { "a ", { text = nfd, italic = true } } }' ;;
  cell) set='doc:section{} doc:table{ widths = { 80 }, rows = { { cells = { { content = { { runs = { nfd } } } } } } } }' ;;
  upper) set='doc:section{} doc:paragraph(kh.upper(nfd))' ;;
  markup) set='doc:section{} for _, b in ipairs(kh.markup(nfd)) do doc:paragraph{ runs = b.runs } end' ;;
esac
python3 - "$set" <<'PY'
import sys
s = open('t.lua').read().replace('FIELD', sys.argv[1])
open('t.lua', 'w').write(s)
PY
