import rpls rpls-od-bad-manager.csv --year 2024
