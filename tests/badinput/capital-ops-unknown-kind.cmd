import capital_ops capital-ops-unknown-kind.csv
