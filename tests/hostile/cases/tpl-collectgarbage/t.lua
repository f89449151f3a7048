collectgarbage("stop") collectgarbage("setpause", 1000)
