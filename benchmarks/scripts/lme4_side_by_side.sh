#!/usr/bin/env bash
# Times Candor's CLI fit against lme4 on the same CSV on this machine and prints the ratio.
#   benchmarks/scripts/lme4_side_by_side.sh [CLIENTS]      (default 100000 clients x ~10 sessions)
# Needs: Rscript with lme4, and examples/target/candor.jar
#   (mvn -B -q -o -pl core,examples package -DskipTests).
# Candor's time is the whole CLI run (JVM start, CSV parsing, fit, output), restricted to one
# core with taskset when available; lme4's is system.time() around lmer() only (reading the CSV
# into R is not counted), so the comparison is conservative for Candor.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clients="${1:-100000}"
jar="$root/examples/target/candor.jar"
[ -f "$jar" ] || { echo "missing $jar: build it with mvn -B -q -o -pl core,examples package -DskipTests" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
csv="$work/growth.csv"
Rscript "$here/lme4_side_by_side.R" generate "$csv" "$clients"
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"
start=$(date +%s.%N)
$one_core java -Xmx1g -jar "$jar" fit --input "$csv" --id id --time session --score score \
  --basis log --random slope --method reml --json --timings > "$work/candor.json" 2> "$work/candor.err"
end=$(date +%s.%N)
candor=$(echo "$end - $start" | bc -l)
cat "$work/candor.err"
grep -E '"remlCriterion"|"estimate"' "$work/candor.json" | tr -s ' ' | sed 's/^/candor /'
lme4_out="$(Rscript "$here/lme4_side_by_side.R" fit "$csv")"
echo "$lme4_out"
lme4=$(echo "$lme4_out" | sed -n 's/^lme4_seconds=//p')
printf 'candor_cli_seconds=%.2f\nlme4_fit_seconds=%.2f\nratio=%.1f\n' "$candor" "$lme4" \
  "$(echo "$lme4 / $candor" | bc -l)"
