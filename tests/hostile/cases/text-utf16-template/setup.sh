{ printf '\377\376'; printf 'return require("nd30")\n' | iconv -f UTF-8 -t UTF-16LE; } > t.lua
