printf '\357\273\277' > t.csv
