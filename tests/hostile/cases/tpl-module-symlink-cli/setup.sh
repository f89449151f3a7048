mkdir "$W/outside"
printf 'return { secret = "%s" }\n' "$SECRET" >"$W/outside/lib.lua"
case $VARIANT in
  lua) ln -s "$W/outside/lib.lua" lib.lua ;;
  passwd) ln -s /etc/passwd lib.lua ;;
esac
printf 'local lib = require("lib")\nerror("read: " .. tostring(lib.secret))\n' >t.lua
