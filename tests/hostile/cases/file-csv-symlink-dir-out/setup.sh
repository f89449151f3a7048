mkdir "$W/elsewhere" && cp t.csv "$W/elsewhere/" && echo "1,$SECRET,x,y" >>"$W/elsewhere/t.csv"
ln -s "$W/elsewhere" sub
sed -i 's|read_table("t.csv"|read_table("sub/t.csv"|' plan.lua
