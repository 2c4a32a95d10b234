title: usage errors exit 2, --help on every command and --version exit 0, hlm rules --format json
source: spec cli.md: exit codes (2 usage), "--help on every command;
  hlm --version"; rules.json from the registry dates of the spec (L423-2:
  1993 text until 2020-12-31, ELAN text from 2021-01-01, version
  2018-11-25; L423-1 likewise, I8) and rules.def.
$ --version
? 0
> hlm 
$ --help
? 0
$ import --help
? 0
> Usage
$ rpls --help
? 0
$ count --help
? 0
$ check --help
? 0
$ explain --help
? 0
$ rules --help
? 0
$ help count
? 0
$ nosuchcommand
? 2
$ count --as-of 2021-13-01
? 2
~ date invalide
$ count --format xml
? 2
$ check --rule NOPE
? 2
$ import
? 2
$ import nosuchkind x.csv
? 2
$ count --frobnicate
? 2
$ rules --format json
? 0
= basic/rules.json
$ rules --as-of 2021-01-01 --format json
? 0
= basic/rules_2021.json
$ count --frobnicate
? 2
~ option inconnue --frobnicate
$ votes 552081317 552081318
? 2
~ argument en trop « 552081318 »
$ votes --all=oui
? 2
~ ne prend pas de valeur
$ levy --year deux-mille
? 2
~ nombre entier entre 1900 et 2200
$ share-price --company 552081317
? 2
~ --company et --sold sont obligatoires
$ explain --group G1
? 2
~ option inconnue --group
