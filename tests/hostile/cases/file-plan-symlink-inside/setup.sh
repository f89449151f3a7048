mkdir real && mv plan.lua real/plan.lua && ln -s real/plan.lua plan.lua
