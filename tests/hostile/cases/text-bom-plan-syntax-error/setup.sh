{ printf '\357\273\277'; printf 'return {\n  agency = "SỞ XÂY DỰNG"\n  type = "KẾ HOẠCH",\n}\n'; } > plan.lua
