import financials financials-late-error.csv
