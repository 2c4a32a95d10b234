import rpls rpls-sub-year-after-millesime.csv
