import loans loans-unknown-kind.csv
