mkdir real && mv body.txt t.csv real/ && ln -s real/body.txt body.txt && ln -s real/t.csv t.csv
