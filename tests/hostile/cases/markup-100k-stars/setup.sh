{ printf 'Mở đầu.\n\n'; head -c 100001 /dev/zero | tr '\0' '*'; printf ' chữ\n'; } > body.txt
