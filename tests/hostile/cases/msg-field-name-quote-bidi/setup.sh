sed -i "s|^return {|return {\n  [\"a' is ignored\\\\u{202E} \\\\u{9B}\\\\7\"] = 1,|" plan.lua
