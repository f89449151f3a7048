mkdir "$W/outside"
printf 'return { secret = "%s" }\n' "$SECRET" >"$W/outside/lib.lua"
printf '%s:x:0:0:root:/root:/bin/sh\n' "$SECRET" >"$W/outside/passwd"
case $VARIANT in
  lua) ln -s "$W/outside/lib.lua" lib.lua ;;
  text) ln -s "$W/outside/passwd" lib.lua ;;
  passwd) ln -s /etc/passwd lib.lua ;;
esac
printf 'local lib = require("lib")\nerror("read: " .. tostring(lib.secret))\n' >t.lua
sed -i 's|^return {|return {\n  template = "t.lua",|' plan.lua
