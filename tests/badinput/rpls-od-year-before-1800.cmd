import rpls rpls-od-year-before-1800.csv --year 2024
