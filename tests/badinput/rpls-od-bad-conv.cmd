import rpls rpls-od-bad-conv.csv --year 2024
