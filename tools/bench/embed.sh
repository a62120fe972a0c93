#!/usr/bin/env bash
# Embedding benchmark: windows/s of the same trained weights run by ONNX Runtime (the exported
# encoder.onnx), by DJL (best.params) and by PyTorch eager (python3-torch, the .onnx file's
# initialisers), batch 256, every core for each.
#
# Usage: tools/bench/embed.sh MODEL_DIR [WINDOWS]      (default 8192 windows)
#
# MODEL_DIR is a model folder from `cagekit train` that `cagekit export` has given an
# encoder.onnx. Needs the classes and runtime jars (mvn -q package -DskipTests; BUILD_DIR,
# default target, selects another build folder) and /usr/bin/python3 with python3-torch and
# python3-onnx. Prints one line per runtime with seconds and windows/s, then the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/target}"
model="${1:?usage: embed.sh MODEL_DIR [WINDOWS]}"
windows="${2:-8192}"
[[ -f "$model/encoder.onnx" ]] || { echo "embed.sh: $model/encoder.onnx missing; run cagekit export --model $model" >&2; exit 1; }
[[ -d "$build/classes" && -d "$build/lib" ]] || {
  echo "embed.sh: $build/classes or $build/lib missing; run mvn -q package -DskipTests" >&2
  exit 1
}
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
java_out=$(java -Xmx4g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$build/classes:$build/lib/*" "$root/tools/bench/EmbedBench.java" "$model" "$windows" 256 "$scratch")
echo "$java_out"
torch_out=$(/usr/bin/python3 "$root/tools/bench/embed_torch.py" "$model/encoder.onnx" "$scratch" 256)
echo "$torch_out"
ort=$(echo "$java_out" | awk '$1 == "onnxruntime" { print $3 }')
djl=$(echo "$java_out" | awk '$1 == "djl" { print $3 }')
pt=$(echo "$torch_out" | awk '$1 == "pytorch" { print $3 }')
awk -v o="$ort" -v d="$djl" -v p="$pt" 'BEGIN {
  printf "ratio onnxruntime / pytorch eager: %.2f x; onnxruntime / djl: %.2f x\n", o / p, o / d }'
