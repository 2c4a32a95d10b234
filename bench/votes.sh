#!/bin/sh
# Benchmark: `hlm votes --all` on the demo national data set (the cap
# tables of its 168 SA d'HLM, bench/demo_store.sh), and the L422-2-1 rule
# through `hlm check`.  Release build (build-bench/).  Prints the best and
# median of R runs, in ms, wall clock of the whole process (store opening,
# facts loading, computation, output to /dev/null); copy the lines you want
# into BENCHMARKS.md.
#   sh bench/votes.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-21}
db=$(sh bench/demo_store.sh)
hlm=./build-bench/hlm
out=bench/out/votes
mkdir -p "$out"
asof=2025-06-30

. bench/lib.sh

"$hlm" --db "$db" votes --all --as-of $asof --format json >"$out/votes.json"
companies=$(grep -c '"company":' "$out/votes.json" || true)
rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM holdings h JOIN organisms o ON o.id = h.company WHERE o.kind = 'ESH'" 2>/dev/null || echo "?")
echo "store: $db ($(du -m "$db" | cut -f1) MB); $companies SA d'HLM, $rows holdings rows of SA d'HLM"
echo "hlm votes --all --format json : $(ms "$hlm" --db "$db" votes --all --as-of $asof --format json)"
echo "hlm votes --all (table)       : $(ms "$hlm" --db "$db" votes --all --as-of $asof)"
echo "hlm check --rule L422-2-1     : $(ms "$hlm" --db "$db" check --rule L422-2-1 --as-of $asof --format json)"
echo "hlm votes 000000000 (unknown: store + facts load only): $(ms "$hlm" --db "$db" votes 000000000 --as-of $asof)"
