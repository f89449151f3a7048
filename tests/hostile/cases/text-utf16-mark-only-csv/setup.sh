printf '\377\376' > t.csv
