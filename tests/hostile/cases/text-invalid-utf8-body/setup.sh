bytes=$(sed 's/../\\x&/g' <<<"$VARIANT")
sed -i "5s/nhiệm vụ/nhiệm $bytes vụ/" body.txt
