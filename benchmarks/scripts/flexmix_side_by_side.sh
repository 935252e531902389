#!/usr/bin/env bash
# Candor's whole `candor classes` command-line run against flexmix's stepFlexmix() on the same
# CSV, with the same number of random starts per K, on this machine, in one go, and the ratios.
#
#   benchmarks/scripts/flexmix_side_by_side.sh [CLIENTS [STARTS [KMAX]]]   (default: 10000 50 5)
#
# Needs: examples/target/candor and candor.jar (mvn -B -q -pl core,examples package -DskipTests),
# Rscript with flexmix (apt-get install -y r-base-core r-cran-flexmix), GNU time (/usr/bin/time),
# bc; taskset if present.
#
# Data: flexmix_side_by_side.R generate: CLIENTS clients x sessions 0-11 from four classes on the
# log basis with a within-class random intercept (set.seed(42)). Model: LCGA on log(session + 1),
# K = 1..KMAX, residual SD per class, STARTS random starts per K on both sides (flexmix: nrep;
# Candor: --starts, its default short runs and final stage).
#
# Candor's time is the whole command-line run (JVM start, CSV reading and checking, every fit,
# JSON written to a file) through the examples/target/candor launcher, one run. flexmix's time is
# system.time() around stepFlexmix() only, on data already in memory (reading the CSV into R is
# not counted). Both are pinned to the same single core with taskset when it is available. Wall
# and CPU (user + system) seconds are printed: on a busy machine the CPU figures are the fairer
# comparison. The best log-likelihood per K of both is printed too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
launcher="$root/examples/target/candor"
[ -f "$launcher" ] || { echo "missing $launcher: build it with mvn -B -q -pl core,examples package -DskipTests" >&2; exit 1; }
clients="${1:-10000}"
starts="${2:-50}"
kmax="${3:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"
csv="$work/classes_$clients.csv"
echo "== $clients clients x 12 sessions, LCGA log basis, K = 1..$kmax, $starts starts per K"
Rscript "$here/flexmix_side_by_side.R" generate "$csv" "$clients"

/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" $one_core "$launcher" classes --input "$csv" \
  --id id --time session --score score --basis log --classes "1-$kmax" --starts "$starts" \
  --threads 1 --json --out "$work/candor.json" --timings 2> "$work/candor.err" \
  || { cat "$work/candor.err" >&2; exit 1; }
read -r wall user sys rss < "$work/time.txt"
cpu=$(echo "$user + $sys" | bc -l)
cat "$work/candor.err"
grep -E '"(k|logLik)" :' "$work/candor.json" | paste - - | tr -s ' ' | sed 's/^/candor /'

flexmix_out="$($one_core Rscript "$here/flexmix_side_by_side.R" fit "$csv" "$starts" "$kmax")"
echo "$flexmix_out"
fm=$(echo "$flexmix_out" | sed -n 's/^flexmix_seconds=//p')
fm_cpu=$(echo "$flexmix_out" | sed -n 's/^flexmix_cpu_seconds=//p')
printf 'candor classes: wall %.2f s, cpu %.2f s, peak RSS %.0f MB\n' "$wall" "$cpu" \
  "$(echo "$rss / 1024" | bc -l)"
printf 'ratio %s clients: wall flexmix/candor = %.2f / %.2f = %.1fx   cpu = %.2f / %.2f = %.1fx\n' \
  "$clients" "$fm" "$wall" "$(echo "$fm / $wall" | bc -l)" "$fm_cpu" "$cpu" \
  "$(echo "$fm_cpu / $cpu" | bc -l)"
