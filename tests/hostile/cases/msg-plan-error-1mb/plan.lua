error(("\27[2J\n"):rep(200000))
