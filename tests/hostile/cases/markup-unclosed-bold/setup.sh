sed -i '5s/\*\*100%\*\*/**100%/' body.txt
