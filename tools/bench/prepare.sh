#!/usr/bin/env bash
# Times `cagekit prepare --dataset hapt --protocol hapt-13` from the raw HAPT files.
#
# Usage: tools/bench/prepare.sh [RUNS]        (default 3 runs)
#
# Every run starts with the window cache disabled (--no-cache) and pointed at a fresh, empty
# folder (CAGEKIT_CACHE), so all 61 experiments are parsed, filtered and windowed each time.
# The data root is $CAGEKIT_DATA (else ./datasets). The command run is tools/cagekit, which
# needs the jar (mvn -q package -DskipTests); CAGEKIT_CMD replaces it, for example with
# "java -cp target/classes:... org.cagekit.cli.Main". Prints the wall time of each run (JVM
# start included) and the fastest and median run, in seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "prepare.sh: RUNS must be a positive number" >&2; exit 2; }
read -r -a cmd <<<"${CAGEKIT_CMD:-$root/tools/cagekit}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

times=()
for ((i = 1; i <= runs; i++)); do
  mkdir "$scratch/cache-$i"
  start=$(date +%s.%N)
  CAGEKIT_CACHE="$scratch/cache-$i" "${cmd[@]}" prepare --dataset hapt --protocol hapt-13 \
    --no-cache >"$scratch/table-$i.txt" 2>"$scratch/log-$i.txt" || {
    cat "$scratch/log-$i.txt" >&2
    exit 1
  }
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  times+=("$t")
  echo "run $i: $t s ($(tail -n 1 "$scratch/log-$i.txt"))"
done
grep -E '^(train|val|test) +total' "$scratch/table-1.txt"
printf '%s\n' "${times[@]}" | sort -n | awk '
  { t[NR] = $1 }
  END { printf "fastest %.2f s, median %.2f s over %d runs\n", t[1], t[int((NR + 1) / 2)], NR }'
