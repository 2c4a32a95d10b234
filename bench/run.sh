#!/bin/sh
# bench/run.sh: the RPLS benchmark of BENCHMARKS.md, in one run on one file.
#
#   sh bench/run.sh [DWELLINGS] [RUNS]      (defaults: 5400000 lines, 5 runs)
#
# 1. builds hlm (Release) and the generator;
# 2. writes a national open-data RPLS file of DWELLINGS lines and its
#    organisms.csv: with `hlm demo --out` when that command works (its
#    latest millésime, rpls-AAAA.csv, with that year), else (or with
#    BENCH_GEN=1 in the environment) with bench/gen_rpls (same columns,
#    same order, year 2024);
# 3. measures, side by side on that file (hyperfine, medians):
#    - `hlm rpls validate` (full validation + per-manager count, no store)
#      vs DuckDB (@duckdb/node-api: read_csv + the same GROUP BY and sums)
#      vs `wc -l`;
#    - `hlm import rpls` into a store holding the organisms vs the sqlite3
#      shell's `.import` of the same file into a fresh database;
#    - `hlm count` (every organism) on the imported store;
#    and the peak memory (RSS) of each reader with /usr/bin/time -v.
# Needs: hyperfine, sqlite3, node + npm (DuckDB is installed under bench/
# by `npm install`; node_modules is not committed).  Output: bench/out/.
set -eu
cd "$(dirname "$0")/.."
N=${1:-5400000}
RUNS=${2:-5}
YEAR=2024
OUT=bench/out
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for tool in hyperfine sqlite3 node npm; do
  command -v "$tool" >/dev/null || { echo "il manque $tool"; exit 2; }
done
[ -x /usr/bin/time ] || { echo "il manque /usr/bin/time (paquet time)"; exit 2; }
[ -d bench/node_modules/@duckdb/node-api ] || (cd bench && npm install --no-audit --no-fund >/dev/null)

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench >/dev/null
HLM=$(pwd)/build-bench/hlm

DATA=$OUT/data
rm -rf "$DATA"
mkdir -p "$DATA"
# hlm demo writes one national file per millésime (rpls-AAAA.csv): the
# latest one is measured, with its own year
# (BENCH_GEN=1: bench/gen_rpls's file instead)
if [ -z "${BENCH_GEN:-}" ] &&
   "$HLM" demo --out "$DATA" --dwellings "$N" >/dev/null 2>&1 &&
   [ -f "$DATA/organisms.csv" ] &&
   ls "$DATA"/rpls-[0-9][0-9][0-9][0-9].csv >/dev/null 2>&1; then
  SRC="hlm demo --out"
  FILE=$(ls "$DATA"/rpls-[0-9][0-9][0-9][0-9].csv | sort | tail -1)
  YEAR=${FILE##*/rpls-}
  YEAR=${YEAR%.csv}
else
  rm -rf "$DATA" && mkdir -p "$DATA"
  SRC="bench/gen_rpls"
  ./build-bench/gen_rpls "$DATA" "$N" 1 "$YEAR"
  FILE=$DATA/rpls.csv
fi
ORGS=$DATA/organisms.csv
cd "$OUT"

echo "# Données : $SRC, $(basename "$FILE"), millésime $YEAR, $(wc -l <"$FILE") lignes, $(du -m "$FILE" | cut -f1) Mo"
echo "# Machine : $(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem/{print $2}') Go"

# peak RSS (kB) of one run of a command
rss() { /usr/bin/time -f '%M' -o "$OUT/rss.txt" "$@" >/dev/null 2>&1; cat "$OUT/rss.txt"; }

# --- validate vs DuckDB vs wc -l ---
cat "$FILE" >/dev/null # page cache warm for everyone
hyperfine --warmup 1 --runs "$RUNS" --export-json "$OUT/read.json" \
  -n "hlm rpls validate" "$HLM rpls validate $FILE --year $YEAR --format csv" \
  -n "duckdb read_csv + GROUP BY" "node $OLDPWD/bench/duckdb_count.mjs $FILE $YEAR" \
  -n "wc -l" "wc -l $FILE"
echo "RSS max (ko) : hlm validate $(rss "$HLM" rpls validate "$FILE" --year $YEAR)," \
     "duckdb $(rss node "$OLDPWD/bench/duckdb_count.mjs" "$FILE" $YEAR)," \
     "wc $(rss wc -l "$FILE")"
node "$OLDPWD/bench/duckdb_count.mjs" "$FILE" $YEAR

# --- import vs sqlite3 .import ---
rm -f base.db base.db-*
"$HLM" --db base.db import organisms "$ORGS" >/dev/null
IRUNS=$(( RUNS < 3 ? RUNS : 3 ))
hyperfine --runs "$IRUNS" --export-json "$OUT/import.json" \
  -n "hlm import rpls" \
  --prepare "cp base.db imp.db; rm -f imp.db-wal imp.db-shm imp.db-journal" \
  "$HLM --db imp.db import rpls $FILE --year $YEAR" \
  -n "sqlite3 .import" --prepare "rm -f sq.db" \
  "sqlite3 sq.db '.mode csv' '.separator ;' '.import $FILE rpls'"
echo "RSS max (ko) : hlm import $(cp base.db imp.db; rm -f imp.db-*; rss "$HLM" --db imp.db import rpls "$FILE" --year $YEAR)," \
     "sqlite3 .import $(rm -f sq.db; rss sqlite3 sq.db '.mode csv' '.separator ;' ".import $FILE rpls")"
echo "Tailles : hlm $(du -m imp.db | cut -f1) Mo, sqlite3 .import $(du -m sq.db | cut -f1) Mo"

# --- count on the imported store ---
hyperfine --warmup 2 --runs 10 --export-json "$OUT/count.json" \
  -n "hlm count" "$HLM --db imp.db count --as-of $YEAR-06-30 --format json"

# medians, one table
python3 - "$OUT" <<'PY'
import json, sys, statistics
out = sys.argv[1]
for f in ("read", "import", "count"):
    for r in json.load(open(f"{out}/{f}.json"))["results"]:
        print(f"| {r['command']} | {statistics.median(r['times']):.3f} s |"
              f" min {min(r['times']):.3f} | max {max(r['times']):.3f} |")
PY
