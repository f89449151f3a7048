mkdir "$W/outside"
printf 'return { secret = "%s" }\n' "$SECRET" >"$W/outside/lib.lua"
printf 'local lib = require("lib")\nerror("read: " .. tostring(lib.secret))\n' >"$W/outside/t.lua"
ln -s "$W/outside" tpl
sed -i 's|^return {|return {\n  template = "tpl/t.lua",|' plan.lua
