cp body.txt "$W/body.txt"
sed -i "s|read_text(\"body.txt\"|read_text(\"$W/body.txt\"|" plan.lua
