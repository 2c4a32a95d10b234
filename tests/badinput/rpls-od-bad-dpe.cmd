import rpls rpls-od-bad-dpe.csv --year 2024
