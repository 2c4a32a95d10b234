import rpls rpls-od-too-many-fields.csv --year 2024
