import services services-bad-period.csv
