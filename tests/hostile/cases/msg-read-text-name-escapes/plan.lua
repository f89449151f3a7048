return { body = read_text("\27]0;x\7\nkehoach: error: y.txt") }
