import rpls rpls-od-duplicate-column.csv --year 2024
