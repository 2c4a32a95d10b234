#!/bin/sh
# Benchmark: `hlm votes --all` on a generated cap table of N SA d'HLM
# (default 230, about the number of ESH in France), and the L422-2-1 rule
# through `hlm check`.  Prints the best and median of R runs, in ms, and
# appends nothing: copy the lines you want into BENCHMARKS.md.
#   bench/votes.sh [N] [RUNS]
set -eu
cd "$(dirname "$0")/.."
n=${1:-230}
runs=${2:-21}
hlm=${HLM:-./build/hlm}
out=bench/out/votes
rm -rf "$out"
mkdir -p "$out"
awk -v n="$n" -v seed=1 -v dir="$out" -f bench/gen_captable.awk
db="$out/bench.db"
for kind in organisms holdings statutes; do
  "$hlm" --db "$db" import "$kind" "$out/$kind.csv" >/dev/null
done
esh=$(grep -c ';ESH;' "$out/organisms.csv" || true)
rows=$(($(wc -l <"$out/holdings.csv") - 1))

ms() { # median and best of $runs runs of "$@", output discarded
  i=0
  : >"$out/times"
  while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000)) >>"$out/times"
    i=$((i + 1))
  done
  sort -n "$out/times" | awk '{ a[NR] = $1 } END {
    printf "best %.1f ms, median %.1f ms", a[1] / 1000, a[int((NR + 1) / 2)] / 1000 }'
}

echo "cap table: $n SA d'HLM (+ $((esh - n)) ESH shareholders without cap table), $rows holdings rows"
echo "hlm votes --all --format json : $(ms "$hlm" --db "$db" votes --all --as-of 2024-06-30 --format json)"
echo "hlm votes --all (table)       : $(ms "$hlm" --db "$db" votes --all --as-of 2024-06-30)"
echo "hlm check --rule L422-2-1     : $(ms "$hlm" --db "$db" check --rule L422-2-1 --as-of 2024-06-30 --format json)"
