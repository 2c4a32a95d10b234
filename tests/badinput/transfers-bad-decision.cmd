import transfers transfers-bad-decision.csv
