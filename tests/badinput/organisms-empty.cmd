import organisms organisms-empty.csv
