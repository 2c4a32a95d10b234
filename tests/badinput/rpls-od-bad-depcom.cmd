import rpls rpls-od-bad-depcom.csv --year 2024
