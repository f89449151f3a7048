kind=${VARIANT%%-*} field=${VARIANT#*-}
case $field in
  signer) set='p.signer.name = v' ;;
  recipient) set='p.recipients[1] = v' ;;
  appendix) set='p.body = "Nội dung (Phụ lục kèm theo)."; p.appendices = { { title = v, table = read_table("t.csv", { header_rows = 1 }) } }' ;;
  document) set='p = { agency = p.agency, place = p.place, documents = { { type = "KẾ HOẠCH", symbol = "KH-SXD", date = "2026-06-15", subject = v, body = "Nội dung.", recipients = { "Lưu: VT" }, signer = { title = "GIÁM ĐỐC", name = "Lê Công Du" } } } }' ;;
esac
python3 - "$kind" "$set" <<'PY'
import sys
s = open('plan.lua').read().replace('KIND', repr(sys.argv[1])).replace('FIELD', sys.argv[2])
open('plan.lua', 'w').write(s)
PY
