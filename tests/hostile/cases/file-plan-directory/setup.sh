rm plan.lua && mkdir plan.lua
