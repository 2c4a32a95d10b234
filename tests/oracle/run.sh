#!/bin/sh
# The count oracle against the built hlm (ctest oracle.count):
#   a small demo data set at two dates either side of 2021-01-01, and the
#   adversarial data set of make_adversarial.py at every date that matters,
#   once more imported in reverse order (stock first, organisms.csv last).
# Usage: run.sh PYTHON3 HLM
set -u
py=$1 hlm=$2
here=$(dirname "$0")
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT INT TERM
"$hlm" demo --dwellings 20000 --seed 5 --out "$d/demo" >/dev/null || { echo "hlm demo failed"; exit 1; }
"$py" "$here/make_adversarial.py" "$d/adversarial" || exit 1
"$py" "$here/count_oracle.py" --hlm "$hlm" --filters \
  "$d/demo@2020-12-31,2021-01-01" \
  "$d/adversarial@1978-06-07,1993-01-29,1993-01-30,2017-06-30,2018-11-24,2018-11-25,2019-06-30,2020-06-30,2020-12-31,2021-01-01,2021-06-30,2024-06-30,2025-06-30" \
  "reverse:$d/adversarial@2020-12-31,2021-01-01,2024-06-30"
