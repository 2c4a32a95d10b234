import rpls rpls-sub-bad-date.csv
