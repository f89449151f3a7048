{ printf 'Mở đầu.\n\n'; for _ in $(seq 1000); do printf -- '- %.0s' $(seq 100); done; printf 'cuối\n'; } > body.txt
# The body names its appendix, as a plan ready to render must.
printf "\nChi tiết tại Phụ lục kèm theo.\n" >> body.txt
