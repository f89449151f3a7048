local info = debug.getinfo(1) debug.sethook()
