import loans loans-truncated-line.csv
