import loans loans-bad-opposer.csv
