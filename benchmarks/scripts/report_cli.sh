#!/usr/bin/env bash
# End-to-end time of `candor report` (JVM start, reading the reference model, 20,000 simulated
# clients plus 8 x 5,000 for the sensitivity intervals, rendering, writing), run N times through
# the launcher examples/target/candor (class-data-sharing archive, C1 compiler, serial GC) and N
# times through `java -jar examples/target/candor.jar`; prints wall-clock and CPU (user + sys)
# seconds per run and the medians. On a machine shared with other work the CPU time is the
# steadier figure. Target: under 1.5 s.
#
# Build first: mvn -B -q -DskipTests package   (makes examples/target/candor and candor.jar)
# Run:         benchmarks/scripts/report_cli.sh [N]      (default N = 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-7}
if [[ ! -x examples/target/candor || ! -f examples/target/candor.jar ]]; then
  echo "missing examples/target/candor(.jar): run mvn -B -q -DskipTests package first" >&2
  exit 2
fi
ARGS=(report --instrument PHQ-9 --intake 18 --course chronic --readiness contemplation
  --observed 1:17,2:16 --items 2,2,1,3,1,0,2,1,1 --horizon 12 --audience client --format text
  --seed 7)
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local label=$1
  shift
  local walls=() cpus=()
  for i in $(seq 1 "$N"); do
    local out wall user sys cpu
    out=$( { /usr/bin/time -f "%e %U %S" "$@" "${ARGS[@]}" > /dev/null; } 2>&1 )
    read -r wall user sys <<< "$(echo "$out" | tail -1)"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    walls+=("$wall")
    cpus+=("$cpu")
  done
  echo "$label: median of $N runs: wall $(median "${walls[@]}") s, cpu $(median "${cpus[@]}") s"
}
measure "examples/target/candor     " examples/target/candor
measure "java -jar candor.jar       " java -jar examples/target/candor.jar
echo "target < 1.5 s; cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
