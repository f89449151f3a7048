rm t.csv && mkfifo t.csv
