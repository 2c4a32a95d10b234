import transfers transfers-missing-id.csv
