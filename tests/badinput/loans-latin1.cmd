import loans loans-latin1.csv
