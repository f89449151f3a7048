mv body.txt "$W/secret-body.txt"
echo "$SECRET" >>"$W/secret-body.txt"
ln -s "$W/secret-body.txt" body.txt
