rm t.csv
