# 10,000,000 bytes of text on line 3 (bold and italic spans closed within each repetition).
python3 - <<'PY'
unit = 'Nội dung **rất** dài *của* một dòng. '
n = 10_000_000 // len(unit.encode())
open('body.txt', 'w', encoding='utf-8').write('Mở đầu.\n\n' + unit * n + '\n')
PY
# The body names its appendix, as a plan ready to render must.
printf "\nChi tiết tại Phụ lục kèm theo.\n" >> body.txt
