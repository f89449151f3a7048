mv t.csv "$W/secret-t.csv"
ln -s "$W/secret-t.csv" t.csv
