rpls validate rpls-validate-bad-code.csv --year 2024
