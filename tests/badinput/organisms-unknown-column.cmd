import organisms organisms-unknown-column.csv
