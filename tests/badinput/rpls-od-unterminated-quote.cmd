import rpls rpls-od-unterminated-quote.csv --year 2024
