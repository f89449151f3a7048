rm t.csv && mkdir t.csv
