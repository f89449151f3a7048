# VARIANT: FIELD-CHAR. CHAR: a code point (Lua \u{…}, surrogates give CESU bytes), nul, or
# badutf8 (a lone continuation byte and an overlong form).
field=${VARIANT%%-*} char=${VARIANT#*-}
case $char in
  nul) bad='"\0"' ;;
  badutf8) bad='"\x80\xC0\xAF"' ;;
  *) bad="\"\\u{$char}\"" ;;
esac
case $field in
  title|subject|creator|description|font|lang) set="doc:settings{ $field = bad }" ;;
  name|basedon|next) f=${field/basedon/based_on}; set="doc:style{ id = \"X\", name = \"X\", $f = bad }" ;;
  source) set='doc:section{} doc:table{ widths = { 50 }, source = bad, rows = { { cells = { { content = { { text = "Ô" } } } } } } }' ;;
  text) set='doc:section{} doc:paragraph{ text = bad }' ;;
  plain) set='doc:section{} doc:paragraph(bad)' ;;
  run) set='doc:section{} doc:paragraph{ runs = { "a", { text = bad, bold = true } } }' ;;
  runstr) set='doc:section{} doc:paragraph{ runs = { bad } }' ;;
  cell) set='doc:section{} doc:table{ widths = { 50 }, rows = { { cells = { { content = { { runs = { bad } } } } } } } }' ;;
  *) echo "unknown field $field" >&2; exit 1 ;;
esac
python3 - "$bad" "$set" <<'PY'
import sys
s = open('t.lua').read().replace('BAD', sys.argv[1]).replace('FIELD', sys.argv[2])
open('t.lua', 'w').write(s)
PY
