#!/usr/bin/env bash
# Training throughput on the hapt-13 train split, batch 64: cagekit (DJL) and the same model, loss
# and Adam written in PyTorch (tools/reference/train_pytorch.py), measured in turns in one run.
#
#   tools/bench/train.sh [ROUNDS] [EPOCHS] [THREADS]
#
# Each round trains cagekit for EPOCHS epochs (default 3), then PyTorch for as many, both with
# THREADS intra-op threads (default 1, cagekit's default) and the same seed. The first epoch of
# every run is left out (JIT compilation, allocator warm-up); the figure of a side is the median
# windows/s of its remaining epochs over ROUNDS rounds (default 2). Both sides time training
# batches only: gather, forward, loss, backward, Adam, temperature clamp. Alternating the turns
# spreads the load of a shared machine over both sides.
#
# Needs the jar (mvn -q package -DskipTests, or CAGEKIT_JAR=path), $CAGEKIT_DATA (or
# --data-dir via CAGEKIT_BENCH_DATA) holding uci-hapt/, and Debian's python3-torch at
# /usr/bin/python3. Writes the per-epoch rows and summary.csv to a temporary folder, whose path
# it prints, and the summary table on stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"
epochs="${2:-3}"
threads="${3:-1}"
jar="${CAGEKIT_JAR:-$root/target/cagekit.jar}"
python="${CAGEKIT_PYTHON:-/usr/bin/python3}"
if [[ ! -f "$jar" ]]; then
  echo "train.sh: $jar not found; build it with: mvn -q package -DskipTests" >&2
  exit 1
fi
if (( epochs < 2 )); then
  echo "train.sh: EPOCHS must be at least 2, since the first epoch is warm-up" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/cagekit-train-bench.XXXXXX")"
export CAGEKIT_CACHE="$work/cache"
java_opts=(-Xmx4g -Dai.djl.offline=true)
java "${java_opts[@]}" -jar "$jar" prepare --dataset hapt --protocol hapt-13 > "$work/prepare.txt"
windows="$(ls "$work"/cache/windows/*.cagewin)"
echo "train.sh: $(grep '^train  total' "$work/prepare.txt" | awk '{print $3}') train windows;" \
  "rows in $work" >&2
for round in $(seq 1 "$rounds"); do
  java "${java_opts[@]}" -jar "$jar" -q train --dataset hapt --protocol hapt-13 \
    --epochs "$epochs" --batch-size 64 --threads "$threads" --seed 1 --no-progress \
    --out "$work/cagekit-$round" > /dev/null
  "$python" "$root/tools/reference/train_pytorch.py" "$windows" --epochs "$epochs" \
    --batch-size 64 --threads "$threads" --seed 1 --out "$work/pytorch-$round.csv" 2> /dev/null
  echo "train.sh: round $round of $rounds done" >&2
done
"$python" - "$work" "$rounds" "$threads" <<'PY'
import csv, statistics, sys, os
work, rounds, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rates(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r["windows_per_s"]) for r in rows[1:]]
cagekit, pytorch = [], []
for r in range(1, rounds + 1):
    cagekit += rates(os.path.join(work, f"cagekit-{r}", "history.csv"))
    pytorch += rates(os.path.join(work, f"pytorch-{r}.csv"))
c, p = statistics.median(cagekit), statistics.median(pytorch)
with open(os.path.join(work, "summary.csv"), "w") as f:
    f.write("side,threads,epochs_measured,median_windows_per_s,min,max\n")
    f.write(f"cagekit,{threads},{len(cagekit)},{c:.1f},{min(cagekit):.1f},{max(cagekit):.1f}\n")
    f.write(f"pytorch,{threads},{len(pytorch)},{p:.1f},{min(pytorch):.1f},{max(pytorch):.1f}\n")
print(f"side     threads  epochs  windows/s (median)  min      max")
print(f"cagekit  {threads:>7}  {len(cagekit):>6}  {c:>18.1f}  {min(cagekit):<7.1f}  {max(cagekit):.1f}")
print(f"pytorch  {threads:>7}  {len(pytorch):>6}  {p:>18.1f}  {min(pytorch):<7.1f}  {max(pytorch):.1f}")
print(f"ratio cagekit / pytorch: {c / p:.2f}")
PY
