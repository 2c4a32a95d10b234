import rpls rpls-sub-bad-header-year.csv
