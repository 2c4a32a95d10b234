import rpls rpls-od-several-errors-capped.csv --year 2024 --max-errors 2
