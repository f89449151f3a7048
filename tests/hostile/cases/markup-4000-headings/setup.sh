for i in $(seq 4000); do echo "# Mục $i"; done > body.txt
