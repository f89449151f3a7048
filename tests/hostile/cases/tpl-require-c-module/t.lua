for _, m in ipairs{ "lfs", "socket", "socket.core", "ffi", "io", "os" } do
  local ok, e = pcall(require, m)
  if ok then error("require('" .. m .. "') loaded") end
end
require("lfs")
