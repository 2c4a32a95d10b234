import rpls rpls-od-cr-inside.csv --year 2024
