-- Userdata (the doc itself), a thread, a function or a table with __tostring where the builder
-- expects text.
return { render = function(plan, doc)
  local v = ({ userdata = doc, thread = coroutine.create(function() end), ["function"] = print or function() end,
    tostring = setmetatable({}, { __tostring = function() return "x" end }) })[KIND]
  FIELD
end }
