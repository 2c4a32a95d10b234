import rpls rpls-od-year-after-millesime.csv --year 2024
