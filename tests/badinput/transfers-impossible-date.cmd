import transfers transfers-impossible-date.csv
