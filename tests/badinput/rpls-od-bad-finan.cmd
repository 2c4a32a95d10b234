import rpls rpls-od-bad-finan.csv --year 2024
