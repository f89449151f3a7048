python3 - <<'PY'
odd = 'مرحبا שלום a\u200bb\u200cc\u200dd\u2060e\ufefff \u200eg\u200fh \u202eđảo\u202c'
s = open('plan.lua', encoding='utf-8').read()
s = s.replace('subject = "Cải thiện', f'subject = "{odd} Cải thiện')
open('plan.lua', 'w', encoding='utf-8').write(s)
s = open('body.txt', encoding='utf-8').read()
s = s.replace('Các phòng báo cáo', f'{odd} Các phòng báo cáo')
open('body.txt', 'w', encoding='utf-8').write(s)
s = open('t.csv', encoding='utf-8').read()
s = s.replace('Ban hành Kế hoạch', f'Ban hành {odd} Kế hoạch')
open('t.csv', 'w', encoding='utf-8').write(s)
PY
