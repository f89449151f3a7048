mv body.txt "$W/secret-body.txt"
printf 'Hai  khoảng trắng %s\n' "$SECRET" >>"$W/secret-body.txt"
case $VARIANT in
  secret) ln -s "$W/secret-body.txt" body.txt ;;
  passwd) ln -s /etc/passwd body.txt ;;
esac
