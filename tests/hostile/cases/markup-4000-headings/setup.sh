for i in $(seq 4000); do echo "# Mục $i"; done > body.txt
# The body names its appendix, as a plan ready to render must.
printf "\nChi tiết tại Phụ lục kèm theo.\n" >> body.txt
