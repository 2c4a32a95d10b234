import rpls rpls-od-bad-siren-key.csv --year 2024
