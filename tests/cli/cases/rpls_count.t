title: hlm import rpls (open data) then count and check (switches on when the RPLS reader lands)
source: fixtures/rpls/rpls2021.csv, millésime 2021, spec "R411-6": owner
  552081317 manages 3 lines CONV=1 (1°), 2 lines CONV=2 built 1976 (2°), 1
  line built 1977 (neither), 1 line ORIGINE 2 entered 1975 built 1980 (2°,
  I4): managed 7, conventionne 3, pre_1977_only 3, counted 6. Its 2 lines
  managed by 732829320 (CONV=1) count for the manager (I5): 2.
  Check 2021-06-30: 552081317 counted 6 < 12 000, outside a group, SEM
  agréée 123456782 outside a group in 13 -> GROUP_REQUIRED (exit 1);
  732829320 in G1, the only group of 59: nothing; L423-1: contribution 0.
requires: rpls
$ import organisms @/rpls/organisms.csv
? 0
$ import groups @/rpls/groups.csv
? 0
$ import rpls @/rpls/rpls2021.csv --year 2021
? 0
$ count --as-of 2021-06-30 --format json
? 0
= rpls/count_2021.json
$ check --as-of 2021-06-30 --format json
? 1
= rpls/check_2021.json
