import rpls rpls-sub-63-fields.csv
