import rpls rpls-od-missing-year.csv
