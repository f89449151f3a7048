rm plan.lua && mkfifo plan.lua
