rm body.txt && mkdir body.txt
