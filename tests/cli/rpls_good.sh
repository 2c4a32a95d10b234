#!/bin/sh
# rpls_good.sh: good RPLS inputs, both shapes (tests/data/): open data with
# LF and CRLF, a submission file with position 53 set, the re-import of one
# owner's stock for a year (replaces that stock only), the count that reads
# the result, and `hlm rpls validate`.
# Usage: rpls_good.sh HLM_BINARY
set -u
HLM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$(cd "$(dirname "$0")/../data" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
db=$work/t.db
pass=0
fail=0

# check NAME EXPECTED ACTUAL
check() {
  if [ "$2" = "$3" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'ÉCHEC %s\n  attendu : %s\n  obtenu  : %s\n' "$1" "$2" "$3"
  fi
}
q() { sqlite3 -separator '|' "$db" "$1"; }

for k in organisms groups foyers; do
  "$HLM" --db "$db" import "$k" "$data/$k.csv" >/dev/null
done

# Open data (LF): two owners, one line managed by another organism.
out=$("$HLM" --db "$db" import rpls "$data/rpls-od.csv" --year 2024)
check "import données détaillées : code" 0 $?
check "import données détaillées : rapport" \
  "rpls-od.csv : 5 lignes importées (rpls), millésime 2024, 2 propriétaires." \
  "$(echo "$out" | head -1 | sed 's|.*/||')"
check "dwellings" 5 "$(q 'SELECT count(*) FROM dwellings')"
check "stocks" "2024|275000016|2|3
2024|275000024|2|2" \
  "$(q 'SELECT year, owner, shape, lines FROM rpls_stocks ORDER BY owner')"
check "stock_agg" "275000016||2|1|1|1|1
275000016|275000032|1|1|0|0|0
275000024||2|1|1|0|1" \
  "$(q "SELECT r.owner, a.manager, a.lines, a.conv, a.pre77_nc, a.built10,
          a.entered6 FROM stock_agg a JOIN rpls_stocks r ON r.id = a.stock
          ORDER BY r.owner, a.manager")"
check "valeurs typées" "2A004|3|C|1|30|2021|2022|2021|4|14|1|2|A|A" \
  "$(q "SELECT depcom, droit, typeconst, nbpiece, surfhab, construct, locat,
          patrimoine, origine, finan, conv, qpv, dpeenergie, dpeserre
          FROM dwellings WHERE depcom = '2A004'")"

# CRLF: the same file, the same result.
lf=$("$HLM" rpls validate "$data/rpls-od.csv" --year 2024 --format json |
     grep -v '"file"')
crlf=$("$HLM" rpls validate "$data/rpls-od-crlf.csv" --year 2024 \
       --format json | grep -v '"file"')
check "CRLF = LF" "$lf" "$crlf"
check "CRLF sans CR dans les valeurs" 0 \
  "$("$HLM" --db "$work/crlf.db" import rpls "$data/rpls-od-crlf.csv" \
     --year 2024 >/dev/null && sqlite3 "$work/crlf.db" \
     "SELECT count(*) FROM dwellings WHERE dpeserre LIKE '%'||char(13)||'%'")"

# Submission file: owner from the SIRET, position 53 kept as written.
out=$("$HLM" --db "$db" import rpls "$data/rpls-sub.csv")
check "dépôt : code" 0 $?
check "dépôt : stock" "2024|275000040|1|3" \
  "$(q "SELECT year, owner, shape, lines FROM rpls_stocks
        WHERE owner = '275000040'")"
check "dépôt : position 53" "|2|0|1
R93000002|1|1|0" \
  "$(q "SELECT a.manager_rpls, a.lines, a.conv, a.pre77_nc FROM stock_agg a
        JOIN rpls_stocks r ON r.id = a.stock WHERE r.owner = '275000040'
        ORDER BY a.manager_rpls")"
check "dépôt : dates" "SI0002|R93000002|1995-07-01|2015-03|2019-06" \
  "$(q "SELECT si_id, manager_rpls, datconv, bail, dpedate FROM dwellings
        WHERE si_id = 'SI0002'")"
# the typed and packed columns, with their types (pos 22, a code of the
# arrêté kept as text; pos 24 and 47, integers; pos 6, packed)
check "dépôt : colonnes typées" \
  "SI0001|2|text|C|3|integer|13|integer|Saint-Denis|text" \
  "$(q "SELECT si_id, qpv, typeof(qpv), typeconst, nbpiece, typeof(nbpiece),
        cus, typeof(cus), libcom, typeof(libcom) FROM dwellings
        WHERE si_id = 'SI0001'")"
case "$out" in
*"TYPECONST"*"Position 53 : 1 logement"*) check "dépôt : remarques" 1 1 ;;
*) check "dépôt : remarques" "TYPECONST … Position 53 …" "$out" ;;
esac
check "validate : clé R:" "R:R93000002|1" \
  "$("$HLM" rpls validate "$data/rpls-sub.csv" --format csv |
     grep '^R:' | cut -d';' -f1,2 | tr ';' '|')"

# Count: position 53 resolved through organisms.rpls_number.
check "décompte : gestionnaire pos 53" 1 \
  "$("$HLM" --db "$db" count --as-of 2024-06-30 --organism 275000057 \
     --format json | grep '"managed"' | tr -dc '0-9')"

# Re-import of one owner's stock for 2024: only that stock changes.
before=$(q "SELECT group_concat(id) FROM (SELECT r.id FROM rpls_stocks r
            WHERE owner <> '275000024' ORDER BY id)")
"$HLM" --db "$db" import rpls "$data/rpls-od-own2.csv" --year 2024 >/dev/null
check "réimport : code" 0 $?
check "réimport : autres parcs intacts" "$before" \
  "$(q "SELECT group_concat(id) FROM (SELECT r.id FROM rpls_stocks r
        WHERE owner <> '275000024' ORDER BY id)")"
check "réimport : parc remplacé" "1|1960" \
  "$(q "SELECT count(*), max(construct) FROM dwellings d JOIN rpls_stocks r
        ON r.id = d.stock WHERE r.owner = '275000024'")"
check "réimport : lignes" 7 "$(q 'SELECT count(*) FROM dwellings')"
check "réimport : aucune ligne orpheline" 0 \
  "$(q 'SELECT count(*) FROM dwellings WHERE stock NOT IN
        (SELECT id FROM rpls_stocks)')"
check "réimport : sommes" "1|0|1" \
  "$(q "SELECT a.lines, a.conv, a.pre77_nc FROM stock_agg a JOIN rpls_stocks r
        ON r.id = a.stock WHERE r.owner = '275000024'")"
# Another year is a separate stock.
"$HLM" --db "$db" import rpls "$data/rpls-od-own2.csv" --year 2023 >/dev/null
check "autre millésime" "2023|2024" \
  "$(q "SELECT group_concat(year, '|') FROM (SELECT year FROM rpls_stocks
        WHERE owner = '275000024' ORDER BY year)")"
check "journal WAL rétabli" wal "$(q 'PRAGMA journal_mode')"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
