#!/bin/sh
# badinput.sh: every malformed input of tests/badinput/ must be refused with
# exit code 3, the exact diagnostics of NAME.err on stderr, and a store left
# byte for byte as it was (sha256 before/after), starting from a store that
# already holds good data (tests/data/).
#
# Usage: badinput.sh HLM_BINARY [--update]
#   NAME.cmd  the arguments after `hlm --db DB` (run in tests/badinput/)
#   NAME.csv  the input file
#   NAME.err  the expected stderr, exactly
# --update rewrites the .err files from the current output (review them!).
set -u
HLM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
UPDATE=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
good=$work/good.db

# A store holding good data of every kind.
for k in organisms groups foyers; do
  "$HLM" --db "$good" import "$k" "$data/$k.csv" >/dev/null || {
    echo "préparation : import $k refusé"; exit 1; }
done
"$HLM" --db "$good" import rpls "$data/rpls-od.csv" --year 2024 >/dev/null &&
  "$HLM" --db "$good" import rpls "$data/rpls-sub.csv" >/dev/null || {
  echo "préparation : import rpls refusé"; exit 1; }

# ... and the capital and money files (docs/examples, tests/data), so that
# a refused import of one of them is seen to leave those tables alone too.
ex=$here/../../docs/examples
for f in "$ex/capital/holdings.csv" "$ex/capital/statutes.csv" \
  "$ex/capital/transfers.csv" "$ex/capital/dividends.csv" \
  "$data/capital_ops.csv" "$ex/money/loans.csv" "$ex/money/financials.csv" \
  "$ex/money/cooperation.csv" "$ex/money/services.csv" \
  "$ex/money/usage.csv" "$ex/money/invoices.csv"; do
  k=$(basename "$f" .csv)
  "$HLM" --db "$good" import "$k" "$f" >/dev/null || {
    echo "préparation : import $k refusé"; exit 1; }
done

pass=0
fail=0
cd "$here" || exit 1
for cmd in *.cmd; do
  name=${cmd%.cmd}
  db=$work/$name.db
  cp "$good" "$db"
  before=$(sha256sum "$db" | cut -d' ' -f1)
  # shellcheck disable=SC2046
  "$HLM" --db "$db" $(cat "$cmd") >"$work/out" 2>"$work/err"
  rc=$?
  after=$(sha256sum "$db" | cut -d' ' -f1)
  ls "$db"-wal "$db"-journal >/dev/null 2>&1 && after="$after+journal"
  if [ "$UPDATE" = "--update" ]; then
    cp "$work/err" "$name.err"
  fi
  why=""
  [ "$rc" -eq 3 ] || why="$why code de sortie $rc au lieu de 3;"
  [ "$before" = "$after" ] || why="$why base modifiée;"
  if [ ! -f "$name.err" ]; then
    why="$why $name.err absent;"
  elif ! cmp -s "$work/err" "$name.err"; then
    why="$why stderr différent;"
  fi
  if [ -z "$why" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "ÉCHEC $name :$why"
    [ -f "$name.err" ] && diff "$name.err" "$work/err" | head -20
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
