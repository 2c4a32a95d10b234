import rpls rpls-od-missing-column.csv --year 2024
