mkdir -p "$W/outside" tpl
printf 'return { secret = "%s" }\n' "$SECRET" >"$W/outside/lib.lua"
case $VARIANT in
  file) ln -s "$W/outside/lib.lua" tpl/lib.lua ;;
  chain) mkdir -p tpl/real && ln -s "$W/outside/lib.lua" tpl/real/x.lua && ln -s real/x.lua tpl/lib.lua ;;
esac
printf 'local lib = require("lib")\nerror("read: " .. tostring(lib.secret))\n' >tpl/t.lua
sed -i 's|^return {|return {\n  template = "tpl/t.lua",|' plan.lua
