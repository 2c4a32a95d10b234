title: hlm transfers ignores a transfer none of whose events is dated by the as-of date
source: spec rules-capital-money.md, société de coordination: "Events dated after the as-of date are
  ignored". fixtures/transfers_future, by hand: 505000000 (SOC_COORDINATION) held by 606000008 only;
  616100004 is a third party. On 2024-03-15: A (signed 2024-01-10, request 2024-02-01 + 3 months =
  2024-05-01) PENDING; B signed 2024-06-01, no request: not there yet, not listed; C signed later but
  its request (2024-03-01) is dated: PENDING until 2024-06-01; D undated: NO_REQUEST. On 2024-07-01:
  A refused by silence on 2024-05-01, purchase by 2024-08-01; B NO_REQUEST; C refused by silence on
  2024-06-01, purchase by 2024-09-01; D NO_REQUEST.
$ import organisms @/transfers_future/organisms.csv
? 0
$ import holdings @/transfers_future/holdings.csv
? 0
$ import transfers @/transfers_future/transfers.csv
? 0
$ transfers --as-of 2024-03-15 --format json
? 0
= transfers_future/transfers_2024-03-15.json
$ transfers --as-of 2024-07-01 --format json
? 0
= transfers_future/transfers_2024-07-01.json
$ transfers --as-of 2024-07-01 --format json
? 0
!~
$ transfers --as-of 2019-08-31 --format json
? 0
~ n'est pas encore en vigueur (elle l'est à partir du 2019-09-01)
$ share-price --company 999999990 --sold 2024-01-01
? 3
~ hlm share-price : société 999999990 inconnue de la base
