#!/bin/sh
# Builds the example store of docs/capital.md: hlm --db DB import … for
# each file of this folder.  Usage: load.sh HLM_BINARY DB
set -eu
hlm=$1
db=$2
dir=$(dirname "$0")
rm -f "$db" "$db-wal" "$db-shm"
for kind in organisms holdings statutes transfers dividends; do
  "$hlm" --db "$db" import "$kind" "$dir/$kind.csv" >/dev/null
done
