#!/bin/sh
# bench/levy.sh: times `hlm levy --year 2012 --calibrate` on a national-size
# data set (600 organisms, six exercises each: bench/gen_financials.awk),
# release build.  Prints the national figures and the wall-clock time of
# each run (the whole process: store opening, loading, calibration, JSON).
#   sh bench/levy.sh [N_ORGANISMS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
N=${1:-600}
RUNS=${2:-5}
OUT=bench/out/levy
mkdir -p "$OUT"
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target hlm-bin >/dev/null
HLM=./build-bench/hlm
DB=$OUT/levy.db
rm -f "$DB"
awk -f bench/gen_financials.awk -v n="$N" -v year=2012 -v seed=1 -v out="$OUT"
$HLM --db "$DB" import organisms "$OUT/organisms.csv" >/dev/null
$HLM --db "$DB" import financials "$OUT/financials.csv" >/dev/null
echo "organismes : $N ; lignes financials : $(($(wc -l <"$OUT/financials.csv") - 1))"
$HLM --db "$DB" levy --year 2012 --calibrate --format json >"$OUT/levy.json"
grep -E '"(t|total_cents|national_total_cents|target_cents)"' "$OUT/levy.json" |
  sed 's/^ */  /'
grep -F 'évaluations' "$OUT/levy.json" | head -1 | sed 's/^ */  /'
for fmt in json csv; do
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s%N)
    $HLM --db "$DB" levy --year 2012 --calibrate --format $fmt >/dev/null
    t1=$(date +%s%N)
    echo "--format $fmt, run $((i + 1)) : $(((t1 - t0) / 1000000)) ms"
    i=$((i + 1))
  done
done
i=0
while [ "$i" -lt "$RUNS" ]; do
  t0=$(date +%s%N)
  $HLM --db "$DB" levy --year 2012 --rates 400,800,1200,1600 --format csv \
    >/dev/null
  t1=$(date +%s%N)
  echo "--rates (sans calibrage), --format csv, run $((i + 1)) : $(((t1 - t0) / 1000000)) ms"
  i=$((i + 1))
done
