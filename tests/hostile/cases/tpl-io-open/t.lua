local f = io.open("/etc/passwd") return { render = function() end, data = f:read("a") }
