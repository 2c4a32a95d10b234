import foyers foyers-construct-after-year.csv
