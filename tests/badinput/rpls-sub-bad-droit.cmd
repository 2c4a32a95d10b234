import rpls rpls-sub-bad-droit.csv
