sed -i 's|^return {|return {\n  [("đ"):rep(500000)] = 1,|' plan.lua
