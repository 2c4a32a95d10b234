import cooperation cooperation-bad-member.csv
