import foyers foyers-bad-conv.csv
