#!/usr/bin/env bash
# Clients nested in therapists: times Candor against lme4 on the same CSV in one run and prints
# the ratios.
#   benchmarks/scripts/lme4_three_level.sh [THERAPISTS] [CLIENTS] [SESSIONS]
#   (default 500 therapists x 200 clients x 10 sessions = 1,000,000 rows)
# Needs: Rscript with lme4, and examples/target/candor.jar
#   (mvn -B -q -o -pl core,examples package -DskipTests).
# Model: score ~ log(session + 1) + (1 | therapist) + (log(session + 1) | therapist:client), REML.
# Both run pinned to one core (taskset, when available). Printed:
#   fit:  Candor's model fit (data already in memory; wall and CPU seconds from --timings)
#         against lmer() (system.time(), data already in memory) -- like for like;
#   cli:  the whole `candor fit` run (JVM start, CSV parsing, fit, JSON) against lmer() alone,
#         which is conservative for Candor.
# On a shared machine the CPU figures are the fairer comparison.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
therapists="${1:-500}"
clients="${2:-200}"
sessions="${3:-10}"
jar="$root/examples/target/candor.jar"
[ -f "$jar" ] || { echo "missing $jar: build it with mvn -B -q -o -pl core,examples package -DskipTests" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
csv="$work/three_level.csv"
Rscript "$here/lme4_three_level.R" generate "$csv" "$therapists" "$clients" "$sessions"
candor_core=""
lme4_core=""
if command -v taskset >/dev/null; then
  candor_core="taskset -c 0"
  lme4_core="taskset -c 0"
fi
/usr/bin/time -f "candor_cli_wall=%e candor_cli_cpu=%U+%S maxrss_kb=%M" -o "$work/time.txt" \
  $candor_core java -Xmx3g -XX:+UseParallelGC -jar "$jar" fit --input "$csv" --id client \
  --time session --score score --cluster therapist --basis log --random slope --method reml \
  --json --timings > "$work/candor.json" 2> "$work/candor.err"
cat "$work/candor.err" "$work/time.txt"
grep -E '"remlCriterion"|"estimate"|"clusterInterceptSd"' "$work/candor.json" | tr -s ' ' | sed 's/^/candor /'
lme4_out="$($lme4_core Rscript "$here/lme4_three_level.R" fit "$csv")"
echo "$lme4_out"
value() { sed -n "s/^$1=//p"; }
fit_wall=$(value candor_fit_seconds < "$work/candor.err")
fit_cpu=$(value candor_fit_cpu_seconds < "$work/candor.err")
cli_wall=$(sed -n 's/.*candor_cli_wall=\([0-9.]*\).*/\1/p' "$work/time.txt")
cli_cpu=$(sed -n 's/.*candor_cli_cpu=\([0-9.+]*\).*/\1/p' "$work/time.txt" | bc -l)
lme4_wall=$(echo "$lme4_out" | value lme4_seconds)
lme4_cpu=$(echo "$lme4_out" | value lme4_cpu_seconds)
printf 'fit wall: candor=%.2f s  lme4=%.2f s  ratio=%.1f\n' "$fit_wall" "$lme4_wall" \
  "$(echo "$lme4_wall / $fit_wall" | bc -l)"
printf 'fit cpu:  candor=%.2f s  lme4=%.2f s  ratio=%.1f\n' "$fit_cpu" "$lme4_cpu" \
  "$(echo "$lme4_cpu / $fit_cpu" | bc -l)"
printf 'cli wall: candor_cli=%.2f s  lme4_fit=%.2f s  ratio=%.1f\n' "$cli_wall" "$lme4_wall" \
  "$(echo "$lme4_wall / $cli_wall" | bc -l)"
printf 'cli cpu:  candor_cli=%.2f s  lme4_fit=%.2f s  ratio=%.1f\n' "$cli_cpu" "$lme4_cpu" \
  "$(echo "$lme4_cpu / $cli_cpu" | bc -l)"
