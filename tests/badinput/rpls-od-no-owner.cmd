import rpls rpls-od-no-owner.csv --year 2024
