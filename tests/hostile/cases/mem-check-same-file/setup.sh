head -c 64000000 /dev/zero | tr '\0' 'x' > big.txt
