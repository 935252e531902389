#!/usr/bin/env bash
# Times Candor's CLI fit against lme4 on the same CSV on this machine and prints the ratio.
#   benchmarks/scripts/lme4_side_by_side.sh [CLIENTS]      (default 100000 clients x ~10 sessions)
# Needs: Rscript with lme4, and examples/target/candor.jar
#   (mvn -B -q -o -pl core,examples package -DskipTests).
# Candor's time is the whole CLI run (JVM start, CSV parsing, fit, JSON output), restricted to
# one core with taskset when available; lme4's is system.time() around lmer() only (reading the
# CSV into R is not counted), so the comparison is conservative for Candor. Both wall-clock and
# CPU (user + system) seconds are printed: on a shared machine the CPU figures are the fairer
# comparison. The JVM runs with -XX:TieredStopAtLevel=1 (C1 only), which suits a short CLI run:
# on a busy 2-core machine C2 compilation otherwise costs more than it saves.
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
/usr/bin/time -f "candor_cli_wall=%e candor_cli_cpu=%U+%S maxrss_kb=%M" -o "$work/time.txt" \
  $one_core java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$jar" fit --input "$csv" --id id \
  --time session --score score --basis log --random slope --method reml --json --timings \
  > "$work/candor.json" 2> "$work/candor.err"
cat "$work/candor.err" "$work/time.txt"
candor=$(sed -n 's/.*candor_cli_wall=\([0-9.]*\).*/\1/p' "$work/time.txt")
candor_cpu=$(sed -n 's/.*candor_cli_cpu=\([0-9.+]*\).*/\1/p' "$work/time.txt" | bc -l)
grep -E '"remlCriterion"|"estimate"' "$work/candor.json" | tr -s ' ' | sed 's/^/candor /'
lme4_out="$(Rscript "$here/lme4_side_by_side.R" fit "$csv")"
echo "$lme4_out"
lme4=$(echo "$lme4_out" | sed -n 's/^lme4_seconds=//p')
lme4_cpu=$(echo "$lme4_out" | sed -n 's/^lme4_cpu_seconds=//p')
printf 'wall: candor_cli=%.2f s  lme4_fit=%.2f s  ratio=%.1f\n' "$candor" "$lme4" \
  "$(echo "$lme4 / $candor" | bc -l)"
printf 'cpu:  candor_cli=%.2f s  lme4_fit=%.2f s  ratio=%.1f\n' "$candor_cpu" "$lme4_cpu" \
  "$(echo "$lme4_cpu / $candor_cpu" | bc -l)"
