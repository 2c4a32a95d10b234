import capital_ops capital-ops-bad-bool.csv
