import foyers foyers-wrong-field-count.csv
