import holdings holdings-empty.csv
