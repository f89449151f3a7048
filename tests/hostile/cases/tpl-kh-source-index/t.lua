-- kh.markup given a source table whose file and text come from __index.
return { render = function(plan, doc)
  doc:section{}
  local src = setmetatable({}, { __index = function(t, k)
    if k == "text" then return "# MỤC " .. ("x"):rep(100) end
    if k == "file" then return "body.txt" end
  end })
  for _, b in ipairs(kh.markup(src)) do doc:paragraph(b.text or "x") end
end }
