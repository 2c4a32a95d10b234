import financials financials-year-out-of-range.csv
