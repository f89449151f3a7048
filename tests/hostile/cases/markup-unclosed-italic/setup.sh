sed -i '6s/\*98%\*/*98%/' body.txt
