import organisms organisms-bad-kind.csv
