mkdir real
printf 'return { title = "x" }\n' >real/lib.lua
ln -s real/lib.lua lib.lua
printf 'local lib = require("lib")\nreturn require("nd30")\n' >t.lua
sed -i 's|^return {|return {\n  template = "t.lua",|' plan.lua
