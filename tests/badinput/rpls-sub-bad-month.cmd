import rpls rpls-sub-bad-month.csv
