#!/bin/sh
# bench/demo_store.sh: the store of the demo national data set, for the
# benchmarks of the capital and money commands (votes.sh, levy.sh).
# Builds hlm in Release (build-bench/) and loads
#   hlm demo --dwellings 5400000 --seed 1
# into bench/out/demo-national.db: every file of the demo (organisms,
# groups, foyers, both RPLS years, the eleven capital and money files)
# through the ordinary importers, about 15 s and 1.1 GB.  Kept while it is
# newer than the binary (a rebuilt hlm may generate other data).
# Prints the path of the store on stdout; progress on stderr.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target hlm-bin >/dev/null
hlm=./build-bench/hlm
db=bench/out/demo-national.db
mkdir -p bench/out
if [ ! -s "$db" ] || [ "$hlm" -nt "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "chargement du jeu national de démonstration dans $db…" >&2
  t0=$(date +%s%N)
  "$hlm" --db "$db" demo --dwellings 5400000 --seed 1 >/dev/null
  t1=$(date +%s%N)
  echo "  chargé en $(((t1 - t0) / 1000000)) ms" >&2
fi
echo "$db"
