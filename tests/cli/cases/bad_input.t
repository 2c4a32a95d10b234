title: a bad row: exit 3, every error located, nothing written
source: spec cli.md (exit 3 "invalid input (nothing was written)") and
  formats.md (file:line:column: field: reason; SIREN Luhn key). Line 3 of
  organisms_bad.csv has the SIREN 555555550 whose Luhn key is wrong; line 2
  is valid but must not land: the count still lists the 7 organisms of
  organisms.csv only.
$ import organisms @/basic/organisms.csv
? 0
$ import organisms @/basic/organisms_bad.csv
? 3
~ organisms_bad.csv:3:1: id:
~ Luhn
~ rien n'a été écrit
$ count --as-of 2021-01-01 --organism 444444442
? 3
$ import organisms @/basic/does_not_exist.csv
? 3
$ import foyers @/basic/organisms.csv
? 3
~ colonne inconnue
