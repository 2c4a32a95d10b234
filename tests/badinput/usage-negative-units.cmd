import usage usage-negative-units.csv
