rm body.txt
