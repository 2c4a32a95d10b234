#!/bin/sh
# The main job on the embedded default: builds hlm, loads the synthetic
# national data set (hlm demo) into a SQLite store, and prints the national
# count (R411-6) and the findings of every rule in force today.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
DB=${HLM_DB:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
./build/hlm --db "$DB" demo "$@"
./build/hlm --db "$DB" count
status=0
./build/hlm --db "$DB" check || status=$?
# exit code 1 means "findings of severity violation": the demo has some.
[ "$status" -le 1 ] || exit "$status"
echo
echo "Base : $DB — essayez : ./build/hlm --db $DB explain <id>"
