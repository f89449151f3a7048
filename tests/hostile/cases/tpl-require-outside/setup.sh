printf 'return {}\n' > "$W/x.lua"
