title: hlm count --format json on organisms, groups and foyers, either side of 2021-01-01
source: fixtures/basic; figures by hand from spec rules-count-thresholds.md:
  552081317 (OPH): foyers F1 + F2 (2 + 2 beds, conv 1) and 443061841's F1
  (6 beds, conv 1, managed by 552081317): beds 10, floor(10/3) = 3 (I2);
  F3 autonomous, conv 2 but built 1970 by an OPH (2°): 25 dwellings;
  counted 3 + 25 = 28. 111111118: 36 000 beds -> 12 000. 732829320: F1 conv 2
  built 1980 does not qualify, F2's manager 444444442 is unknown: 0.
  123456782 and 987654324 are named by no stock: null (I13). Before 2021:
  rule "managed", foyers not counted (I6): 0, breakdown null.
$ import organisms @/basic/organisms.csv
? 0
$ import groups @/basic/groups.csv
? 0
$ import foyers @/basic/foyers.csv
? 0
$ count --as-of 2021-01-01 --format json
? 0
= basic/count_2021.json
$ count --as-of 2020-06-30 --format json
? 0
= basic/count_2020.json
$ count --as-of 2021-01-01 --organism 552081317 --format json
? 0
= basic/count_2021_one.json
$ count --as-of 2021-01-01 --organism 999999990
? 3
~ hlm count : organisme 999999990 inconnu de la base
$ count --as-of 2021-01-01
? 0
> Office Sud
$ count --as-of 2021-01-01 --group NOPE
? 3
~ hlm count : groupe NOPE inconnu de la base
