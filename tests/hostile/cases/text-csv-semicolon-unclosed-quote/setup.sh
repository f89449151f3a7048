printf 'STT;"Nhiệm vụ;Chủ trì\n;a;b\n' > t.csv
