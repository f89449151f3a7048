-- backtracking in C, where no instruction is counted
return ("a"):rep(40):find(("a*"):rep(12) .. "b")
