#!/usr/bin/env bash
# KNN benchmark: cagekit's KnnClassifier against scikit-learn's brute-force cosine KNN on the
# same embeddings at HAPT scale (10,555 references, 3,454 queries, d = 128, k = 7, distance
# weights), both on every core; then, with --large, the bounded-memory run: 1,000,000
# references of dimension 128 and 100,000 queries.
#
# Usage: tools/bench/knn.sh [--large [N M]]
#
# Needs the classes and the runtime jars: mvn -q package -DskipTests (BUILD_DIR, default
# target, selects another build folder), and Debian's python3-sklearn at /usr/bin/python3.
# Prints one line per side with seconds and queries/s, and the ratio cagekit / scikit-learn.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/target}"
[[ -d "$build/classes" && -d "$build/lib" ]] || {
  echo "knn.sh: $build/classes or $build/lib missing; run mvn -q package -DskipTests" >&2
  exit 1
}
cp="$build/classes:$build/lib/*"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

sk=$(/usr/bin/python3 "$root/tools/bench/knn_sklearn.py" "$scratch")
echo "$sk"
ck=$(java -Xmx2g -cp "$cp" "$root/tools/bench/KnnBench.java" same "$scratch")
echo "$ck"
awk -v a="$(echo "$sk" | awk '{print $3}')" -v b="$(echo "$ck" | awk '{print $3}')" \
  'BEGIN { printf "ratio cagekit / scikit-learn: %.2f x (queries/s)\n", b / a }'

if [[ "${1:-}" == "--large" ]]; then
  n="${2:-1000000}"
  m="${3:-100000}"
  java -Xmx4g -XX:MaxDirectMemorySize=2g -cp "$cp" "$root/tools/bench/KnnBench.java" \
    large "$n" "$m" 128
fi
