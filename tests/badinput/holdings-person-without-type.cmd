import holdings holdings-person-without-type.csv
