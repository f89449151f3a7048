printf '\357\273\277STT;Nhiệm vụ;Chủ trì;Điểm\r\n;Nâng Chỉ số PAR INDEX;Văn phòng Sở;87,20\r\n;"Kiểm tra; rà soát";Các phòng;90,50\r\n' > t.csv
