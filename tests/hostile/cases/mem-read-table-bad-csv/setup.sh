python3 -c "
import sys
sys.stdout.write('STT,Nhiệm vụ,Chủ trì\n' + (',' + 'Kiểm tra việc thực hiện kế hoạch năm ' * 6 + ',Văn phòng Sở\n') * 2000 + ',\"không đóng\n')" > bad.csv
