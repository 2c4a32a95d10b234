import rpls rpls-od-unknown-column.csv --year 2024
