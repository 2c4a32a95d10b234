import holdings holdings-bad-siren-key.csv
