printf '\357\273\277STT;Nhiệm vụ;Chủ trì\r\n;Ban hành kế hoạch;Văn phòng Sở\r\n;Kiểm tra, rà soát\r\n' > t.csv
