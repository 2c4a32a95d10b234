import dividends dividends-duplicate-key.csv
