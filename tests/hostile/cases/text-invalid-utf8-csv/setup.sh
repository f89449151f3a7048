bytes=$(sed 's/../\\x&/g' <<<"$VARIANT")
sed -i "3s/Kiểm/$bytes&/" t.csv
