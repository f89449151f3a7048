error("bad\n\27[31mkehoach: ok\7 end")
