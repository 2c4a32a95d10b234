import rpls rpls-od-latin1.csv --year 2024
