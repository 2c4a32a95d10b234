import organisms organisms-duplicate-header.csv
