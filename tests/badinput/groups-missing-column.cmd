import groups groups-missing-column.csv
