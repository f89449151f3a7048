-- the loop in render, once the plan is loaded
return {
  render = function(plan, doc)
    while true do end
  end,
}
