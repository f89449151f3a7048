sed -i "s/KIND/\"$VARIANT\"/" t.lua
