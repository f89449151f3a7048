sed -i "s/kh\.FN/kh.$VARIANT/" t.lua
