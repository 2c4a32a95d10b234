import rpls rpls-od-alias-duplicate.csv --year 2024
