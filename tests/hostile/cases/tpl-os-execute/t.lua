os.execute("touch /tmp/kehoach-hostile-pwned")
