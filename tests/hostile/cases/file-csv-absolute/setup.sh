cp t.csv "$W/t.csv"
sed -i "s|read_table(\"t.csv\"|read_table(\"$W/t.csv\"|" plan.lua
