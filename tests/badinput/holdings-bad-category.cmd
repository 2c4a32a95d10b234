import holdings holdings-bad-category.csv
