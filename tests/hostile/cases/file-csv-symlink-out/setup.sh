mv t.csv "$W/secret-t.csv"
echo "1,$SECRET,x,y" >>"$W/secret-t.csv"
ln -s "$W/secret-t.csv" t.csv
