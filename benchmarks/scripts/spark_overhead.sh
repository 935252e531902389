#!/usr/bin/env bash
# Spark's overhead over single-machine Candor: the streaming summary of N simulated clients
# (calibrated PHQ-9 scenario) on local[2] against Simulator.summarise on 2 threads, same seed,
# after a warm-up; the summaries are checked to be equal. Prints each run and the median ratio.
#   benchmarks/scripts/spark_overhead.sh [CLIENTS] [PARTITIONS] [REPETITIONS]   (10000000 16 3)
# Builds candor-spark's classes if needed (mvn, offline once dependencies are in ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the last module built (candor-spark) writes its test class path, core's classes included
mvn -B -q -pl integrations/spark -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="integrations/spark/target/test-classes:integrations/spark/target/classes:$(cat "$cp_file")"
java -Xmx4g \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
  -cp "$cp" io.candor.spark.bench.SparkOverhead "${1:-10000000}" "${2:-16}" "${3:-3}"
