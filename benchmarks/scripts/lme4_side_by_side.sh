#!/usr/bin/env bash
# Candor's whole `candor fit` command-line run against lme4's lmer() on the same CSV, on this
# machine, in one go, and the ratios.
#
#   benchmarks/scripts/lme4_side_by_side.sh [CLIENTS ...]   (default: 10000 100000)
#   benchmarks/scripts/lme4_side_by_side.sh --rss [CLIENTS] (peak RSS of candor fit; default 1000000; no lme4)
#
# Needs: examples/target/candor and candor.jar (mvn -B -q -pl examples -am package -DskipTests;
# the package step also makes the launcher's class-data-sharing archive), Rscript with lme4
# (apt-get install -y r-base-core r-cran-lme4), GNU time (/usr/bin/time), bc; taskset if present.
#
# Data: lme4_side_by_side.R generate, CLIENTS clients x sessions 0-9 with ~10% of visits after the
# intake missing (about 9.1 rows a client), set.seed(42); model score ~ log(session + 1) +
# (log(session + 1) | id) by REML.
#
# Candor's time is the whole command-line run (JVM start, CSV reading and checking, fit, JSON on
# stdout) through the examples/target/candor launcher (class-data-sharing archive, C1 compiler,
# serial collector), the median of 3 runs; `java -jar candor.jar` (no archive, default JVM
# options) is shown for comparison. lme4's time is system.time() around lmer() only, on data
# already in memory (reading the CSV into R is not counted). Both are pinned to the same single
# core with taskset when it is available. Wall-clock and CPU (user + system) seconds are printed:
# on a busy machine the CPU figures are the fairer comparison.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
launcher="$root/examples/target/candor"
jar="$root/examples/target/candor.jar"
for f in "$launcher" "$jar"; do
  [ -f "$f" ] || { echo "missing $f: build it with mvn -B -q -pl examples -am package -DskipTests" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"

# candor_run LABEL CSV COMMAND... [-- EXTRA]: one timed run; prints "wall cpu rss", keeps stderr
candor_run() {
  local csv="$2"
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" $one_core "$@" fit --input "$csv" --id id \
    --time session --score score --basis log --random slope --method reml --json \
    ${CANDOR_EXTRA:-} > "$work/candor.json" 2> "$work/candor.err" \
    || { cat "$work/candor.err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time.txt"
  echo "$wall $(echo "$user + $sys" | bc -l) $rss"
}

median3() { sort -n | sed -n 2p; }

if [ "${1:-}" = "--rss" ]; then
  clients="${2:-1000000}"
  csv="$work/growth.csv"
  Rscript "$here/lme4_side_by_side.R" generate "$csv" "$clients"
  /usr/bin/time -v "$launcher" fit --input "$csv" --id id --time session --score score \
    --basis log --random slope --method reml --json --timings > "$work/candor.json" 2> "$work/v.txt"
  grep -E "candor_|Maximum resident|Elapsed|User time|System time" "$work/v.txt"
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/v.txt")
  printf 'peak RSS of candor fit on %s clients: %.0f MB (goal < 1024 MB)\n' "$clients" \
    "$(echo "$rss_kb / 1024" | bc -l)"
  exit 0
fi

[ $# -gt 0 ] || set -- 10000 100000
for clients in "$@"; do
  csv="$work/growth_$clients.csv"
  echo "== $clients clients"
  Rscript "$here/lme4_side_by_side.R" generate "$csv" "$clients"
  candor_run warmup "$csv" "$launcher" > /dev/null   # page cache, not counted
  for i in 1 2 3; do candor_run launcher "$csv" "$launcher"; done > "$work/runs.txt"
  wall=$(cut -d' ' -f1 "$work/runs.txt" | median3)
  cpu=$(cut -d' ' -f2 "$work/runs.txt" | median3)
  rss=$(cut -d' ' -f3 "$work/runs.txt" | median3)
  read -r jwall jcpu _ < <(candor_run plain "$csv" java -jar "$jar")
  # one more launcher run, not counted, for where its time goes (main thread: read, fit, output)
  CANDOR_EXTRA=--timings candor_run timings "$csv" "$launcher" > /dev/null
  cat "$work/candor.err"
  { grep -E '"remlCriterion"' "$work/candor.json" || true; } | tr -s ' ' | sed 's/^/candor /'
  lme4_out="$($one_core Rscript "$here/lme4_side_by_side.R" fit "$csv")"
  echo "$lme4_out"
  lme4=$(echo "$lme4_out" | sed -n 's/^lme4_seconds=//p')
  lme4_cpu=$(echo "$lme4_out" | sed -n 's/^lme4_cpu_seconds=//p')
  printf 'candor launcher: wall %.2f s, cpu %.2f s, peak RSS %.0f MB (median of 3)\n' "$wall" "$cpu" \
    "$(echo "$rss / 1024" | bc -l)"
  printf 'java -jar:       wall %.2f s, cpu %.2f s\n' "$jwall" "$jcpu"
  printf 'ratio %s clients: wall lme4/candor = %.2f / %.2f = %.1fx   cpu = %.2f / %.2f = %.1fx\n' \
    "$clients" "$lme4" "$wall" "$(echo "$lme4 / $wall" | bc -l)" "$lme4_cpu" "$cpu" \
    "$(echo "$lme4_cpu / $cpu" | bc -l)"
done
