if [ "$VARIANT" = le ]; then mark='\377\376'; else mark='\376\377'; fi
{ printf "$mark"; iconv -f UTF-8 -t "UTF-16$(echo "$VARIANT" | tr a-z A-Z)" body.txt; } > body.tmp && mv body.tmp body.txt
