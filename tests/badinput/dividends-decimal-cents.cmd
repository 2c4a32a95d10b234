import dividends dividends-decimal-cents.csv
