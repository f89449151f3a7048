sed -i '3s/^# /#### /' body.txt
