python3 -c "import sys; sys.stdout.write('Nội dung kế hoạch năm.\n' * 160000)" > big.txt
