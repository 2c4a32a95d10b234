import rpls rpls-od-truncated-last-line.csv --year 2024
