sed -i "s/^  subject = \"Cải /  subject = \"Cải\\\\u{$VARIANT} /" plan.lua
