#!/bin/sh
# bench/levy.sh: times `hlm levy --year 2012 --calibrate` on the demo
# national data set (financials.csv of `hlm demo --dwellings 5400000`:
# every organism with a stock, exercises 2005-2011; bench/demo_store.sh),
# release build.  Prints the national figures and the best and median
# wall-clock time of RUNS runs of each command (the whole process: store
# opening, facts loading, calibration, output to /dev/null).
#   sh bench/levy.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-11}
db=$(sh bench/demo_store.sh)
hlm=./build-bench/hlm
out=bench/out/levy
mkdir -p "$out"

. bench/lib.sh

"$hlm" --db "$db" levy --year 2012 --calibrate --format json >"$out/levy.json" ||
  [ $? -eq 1 ]
echo "store: $db; organismes : $(grep -c '"avg_potential_per_dwelling_cents"' "$out/levy.json")"
grep -E '"(t|total_cents|national_total_cents|target_cents)"' "$out/levy.json" |
  head -4 | sed 's/^ */  /'
grep -F 'évaluations' "$out/levy.json" | head -1 | sed 's/^ */  /'
grep -F 'total(0)' "$out/levy.json" | head -1 | sed 's/^ */  /'
echo "levy --calibrate --format json : $(ms "$hlm" --db "$db" levy --year 2012 --calibrate --format json)"
echo "levy --calibrate --format csv  : $(ms "$hlm" --db "$db" levy --year 2012 --calibrate --format csv)"
echo "levy --rates (no calibration), csv : $(ms "$hlm" --db "$db" levy --year 2012 --rates 400,800,1200,1600 --format csv)"
echo "levy --year 2011 --calibrate --format json : $(ms "$hlm" --db "$db" levy --year 2011 --calibrate --format json)"
