mkdir -p "$W/elsewhere" a && cp body.txt "$W/elsewhere/" && echo "$SECRET" >>"$W/elsewhere/body.txt"
ln -s "$W/elsewhere" a/b
sed -i 's|read_text("body.txt"|read_text("a/b/body.txt"|' plan.lua
