#!/usr/bin/env bash
# Moves the API baseline that japicmp compares candor-core with in `mvn verify`
# (see docs/robustness.md, "API stability"). Builds candor-core's classes at a commit
# (default HEAD) in a temporary copy, never installing anything, and writes
#   core/api-baseline/candor-core-api.jar   the compiled classes (no resources), reproducible
#   core/api-baseline/BASELINE              the commit it was built from
# Usage: core/api-baseline/update.sh [COMMIT]   (from anywhere in the repository)
set -euo pipefail
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
rev="$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$rev" | tar -x -C "$tmp"
(cd "$tmp" && mvn -B -q -pl core -DskipTests -Dmaven.javadoc.skip=true compile)
date="$(git -C "$root" show -s --format=%cI "$rev")"
out="$root/core/api-baseline"
(cd "$tmp/core/target/classes" && find . -name '*.class' | LC_ALL=C sort > "$tmp/classes.txt" \
  && jar --create --file "$out/candor-core-api.jar" --date="$date" @"$tmp/classes.txt")
printf 'commit %s\ndate %s\n' "$rev" "$date" > "$out/BASELINE"
echo "API baseline: candor-core at $rev ($date)"
