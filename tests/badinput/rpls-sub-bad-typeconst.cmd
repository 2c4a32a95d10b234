import rpls rpls-sub-bad-typeconst.csv
