mkdir "$W/elsewhere" && cp body.txt "$W/elsewhere/" && echo "$SECRET" >>"$W/elsewhere/body.txt"
ln -s "$W/elsewhere" sub
sed -i 's|read_text("body.txt"|read_text("sub/body.txt"|' plan.lua
