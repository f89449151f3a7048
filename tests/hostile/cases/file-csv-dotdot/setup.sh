cp t.csv "$W/t.csv"
sed -i 's|read_table("t.csv"|read_table("../t.csv"|' plan.lua
