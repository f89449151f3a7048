setmetatable("", { __index = {} })
