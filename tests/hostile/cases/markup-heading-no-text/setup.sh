h=$(printf '#%.0s' $(seq "$VARIANT"))
sed -i "3s/.*/$h   /" body.txt
