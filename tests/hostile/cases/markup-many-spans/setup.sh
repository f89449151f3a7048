python3 -c "open('body.txt', 'w').write('a*b*' * 8_000_000)"
