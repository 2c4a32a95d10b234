import organisms organisms-bad-siren.csv
