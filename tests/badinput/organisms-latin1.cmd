import organisms organisms-latin1.csv
