python3 -c "open('body.txt', 'w').write('a\n\n' * 8_000_000)"
