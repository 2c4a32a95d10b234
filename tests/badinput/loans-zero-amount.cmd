import loans loans-zero-amount.csv
