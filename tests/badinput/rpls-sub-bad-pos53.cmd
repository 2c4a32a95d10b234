import rpls rpls-sub-bad-pos53.csv
