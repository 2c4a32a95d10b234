import rpls rpls-sub-missing-required.csv
