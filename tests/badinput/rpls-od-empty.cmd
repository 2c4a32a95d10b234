import rpls rpls-od-empty.csv --year 2024
