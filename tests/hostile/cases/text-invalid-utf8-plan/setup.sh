esc=$(sed 's/../\\\\x&/g' <<<"$VARIANT")   # ff → \\xff: a Lua escape in plan.lua
sed -i "s/^  subject = \"Cải /  subject = \"Cải$esc /" plan.lua
