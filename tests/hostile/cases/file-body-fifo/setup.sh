rm body.txt && mkfifo body.txt
