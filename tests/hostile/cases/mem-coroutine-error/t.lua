-- kh.markup and doc:table fail inside a coroutine that is never closed, 1000 times each; each
-- call held about 64 KB of C memory when it failed.
local nd30 = require("nd30")
return nd30.extend{ render = function(plan, doc, options)
  local body = ("**x "):rep(1 << 14) .. "*"
  local t = { widths = { 10 }, rows = { { cells = { { content = { ("y"):rep(1 << 16) } } } },
                                        { cells = { { colspan = 3 } } } } }
  for i = 1, 1000 do coroutine.resume(coroutine.create(function() return kh.markup(body) end)) end
  for i = 1, 1000 do coroutine.resume(coroutine.create(function() return doc:table(t) end)) end
  return nd30.render(plan, doc, options)
end }
