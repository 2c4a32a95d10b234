import rpls rpls-sub-count-mismatch.csv
