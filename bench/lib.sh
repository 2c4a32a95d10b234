# bench/lib.sh: sourced by the benchmarks of the demo store (votes.sh,
# levy.sh).  Needs $runs (how many runs) and $out (a folder for the times).

# ms CMD...: best and median wall-clock time of $runs runs of CMD, in ms,
# output discarded (its exit code too: 1 means findings, 3 an unknown
# subject, which some measures ask for on purpose).
ms() {
  i=0
  : >"$out/times"
  while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000)) >>"$out/times"
    i=$((i + 1))
  done
  sort -n "$out/times" | awk '{ a[NR] = $1 } END {
    printf "best %.1f ms, median %.1f ms", a[1] / 1000, a[int((NR + 1) / 2)] / 1000 }'
}
