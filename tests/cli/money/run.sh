#!/bin/sh
# CLI tests of hlm loans, hlm levy and hlm costs: loads the worked example
# of docs/examples/money into a fresh store, runs each command as its
# --help and docs/money.md show it, and compares the JSON with the golden
# files of this folder (expected/*.json), the exit codes, and the figures
# the help texts quote.  Usage: run.sh HLM_BINARY SOURCE_DIR
set -u
HLM=$1
SRC=$2
EX=$SRC/docs/examples/money
EXP=$SRC/tests/cli/money/expected
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/hlm.db
fails=0

fail() {
  echo "FAIL $*" >&2
  fails=$((fails + 1))
}

# run EXPECTED_RC NAME ARGS...: runs hlm, keeps stdout in $TMP/NAME
run() {
  want=$1
  name=$2
  shift 2
  "$HLM" --db "$DB" "$@" >"$TMP/$name" 2>"$TMP/$name.err"
  rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$name : code de sortie $rc, attendu $want ($*)"
    sed 's/^/     /' "$TMP/$name.err" >&2
  else
    echo "ok   $name ($*)"
  fi
}

# golden NAME: compares $TMP/NAME with expected/NAME
golden() {
  if ! diff -u "$EXP/$1" "$TMP/$1" >"$TMP/$1.diff"; then
    fail "$1 diffère du fichier attendu :"
    head -40 "$TMP/$1.diff" >&2
  else
    echo "ok   $1 = expected/$1"
  fi
}

# has NAME TEXT: the output NAME contains TEXT
has() {
  if grep -qF -- "$2" "$TMP/$1"; then
    echo "ok   $1 contient « $2 »"
  else
    fail "$1 ne contient pas « $2 »"
  fi
}

for k in organisms groups holdings loans financials cooperation services \
  usage invoices; do
  "$HLM" --db "$DB" import "$k" "$EX/$k.csv" >/dev/null ||
    fail "import $k"
done

# --help of every command, exit 0
for c in loans levy costs; do
  run 0 "help-$c" "$c" --help
  has "help-$c" "Exemple"
done

# hlm loans (exit 1: violations)
run 1 loans.json loans --as-of 2024-06-20 --format json
golden loans.json
run 1 loans.txt loans --as-of 2024-06-20
has loans.txt "AV-2024-03  avance"
has loans.txt "en attente   2024-06-25"
run 1 loans.csv loans --as-of 2024-06-20 --format csv
has loans.csv "id;nature;prêteur;emprunteur"
run 0 loans-2018.json loans --as-of 2018-12-31 --format json --organism 222222226
has loans-2018.json '"status": "ACCEPTED"'
run 3 loans-unknown loans --organism 121212120

# hlm levy
run 0 levy.json levy --year 2012 --rates 400,800,1200,1600 --as-of 2012-06-30 --format json
golden levy.json
run 0 levy.txt levy --year 2012 --rates 400,800,1200,1600 --as-of 2012-06-30
has levy.txt "480 000,00"
has levy.txt "Total : 1 152 000,00 €"
run 0 levy-cal.json levy --year 2012 --calibrate --as-of 2012-06-30 --format json
has levy-cal.json '"t": 1,'
has levy-cal.json '"total_cents": 161400000'
# a handful of organisms: even the highest rates stay under 175 M€
has levy-cal.json '"target_reached": false'
has levy-cal.json '"target_side": "below_reach"'
run 0 levy-cal.txt levy --year 2012 --calibrate --as-of 2012-06-30
has levy-cal.txt "cible hors d'atteinte même aux taux les plus hauts"
run 0 levy-2013.json levy --year 2013 --as-of 2013-06-30 --format json
has levy-2013.json '"code": "TEXT_NOT_IN_FORCE"'
has levy-2013.json '"rates_bp": null'
run 0 levy-one.json levy --year 2012 --organism 333333334 --rates 400,800,1200,1600 --format json
has levy-one.json '"levy_cents": 48000000'
has levy-one.json '"total_cents": 48000000'
run 2 levy-noyear levy --rates 400,800,1200,1600
run 2 levy-both levy --year 2012 --rates 400,800,1200,1600 --calibrate
run 2 levy-norates levy --year 2012
run 2 levy-bounds levy --year 2012 --rates 400,800,1200,2100
run 2 levy-badrates levy --year 2012 --rates 400,800
run 3 levy-unknown levy --year 2012 --organism 121212120 --rates 400,800,1200,1600

# hlm costs (exit 1: BILLING_NOT_AT_COST)
run 1 costs.json costs 555555556 --period 2024 --as-of 2024-12-31 --format json
golden costs.json
run 0 costs-03.json costs 555555556 --period 2024-03 --as-of 2024-12-31 --format json
golden costs-03.json
run 1 costs.txt costs 555555556 --period 2024 --as-of 2024-12-31
has costs.txt "14 285,72 €"
has costs.txt "6 666,66 €"
has costs.txt "49 523,80 €"
run 2 costs-badperiod costs 555555556 --period 2024-13
run 2 costs-noperiod costs 555555556
run 3 costs-unknown costs 121212120 --period 2024

# hlm check runs the money rules with the others
run 1 check.json check --as-of 2024-06-20 --format json
for code in LOAN_NOT_ELIGIBLE RATE_ABOVE_CAP DECLARATION_MISSING \
  DISBURSED_BEFORE_ACCEPTANCE DISBURSED_DESPITE_OPPOSITION \
  GUARANTOR_NOT_INFORMED COOPERATION_MEMBER_NOT_ALLOWED CONVENTION_MISSING \
  NO_USAGE BILLING_NOT_AT_COST; do
  has check.json "\"code\": \"$code\""
done
run 0 rules rules --as-of 2012-06-30
has rules "L423-14"

if [ "$fails" -ne 0 ]; then
  echo "$fails échec(s)" >&2
  exit 1
fi
echo "tous les tests CLI de l'argent passent"
