title: hlm check --format json and exit codes, either side of 2021-01-01
source: fixtures/basic; findings derived in tests/cli/README.md ("basic"):
  2021-01-01: G1 not alone in 59 (G2) with member 987654324 unknown ->
  MISSING_FACT; G3's head 333333334 absent -> UNKNOWN_REFERENCE; 443061841
  alone in 48 -> GROUP_EXEMPT_DEPARTEMENT, contribution 1 -> L423-1
  DISSOLUTION_POSSIBLE; 552081317 counted 28, SEM agréée 123456782 outside a
  group in 13 -> GROUP_REQUIRED (violation: exit 1); 732829320's foyer F2
  names 444444442 -> UNKNOWN_REFERENCE. 2020-06-30: the 1993 and 2012 texts
  and the announcement (exit 0: no violation).
$ import organisms @/basic/organisms.csv
? 0
$ import groups @/basic/groups.csv
? 0
$ import foyers @/basic/foyers.csv
? 0
$ check --as-of 2021-01-01 --format json
? 1
= basic/check_2021.json
$ check --as-of 2020-06-30 --format json
? 0
= basic/check_2020.json
$ check --as-of 2021-01-01 --rule L423-1 --format json
? 0
> DISSOLUTION_POSSIBLE
$ check --as-of 2021-01-01 --organism 443061841
? 0
> GROUP_EXEMPT_DEPARTEMENT
