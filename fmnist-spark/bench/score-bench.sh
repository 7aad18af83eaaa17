#!/usr/bin/env bash
# Benchmark: Spark local[2] scoring against the single-JVM path on the same machine, one after the other.
#   fmnist-spark/bench/score-bench.sh [WORKDIR]
# 1. 10,000 test images as PNG files: `fmnist predict` (one JVM) vs score-local (pictures).
# 2. The IDX test set, 10,000 and 1,000,000 (100 repeats) images: `fmnist evaluate` (one JVM) vs
#    score-local --input-format idx.
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$(dirname "$HERE")")"
WORK="${1:-$(mktemp -d)}"
DATA="${FMNIST_DATA:-/usr/share/datasets/fashion-mnist}"
mkdir -p "$WORK"
cd "$WORK"

[[ -f model.fmnist ]] || "$ROOT/fmnist" train --epochs 1 --out model.fmnist >/dev/null
if [[ ! -d pictures ]]; then
  "$ROOT/fmnist" show --help >/dev/null # builds the CLI if needed
  java -cp "$ROOT/fmnist-cli/target/fmnist-cli.jar:$ROOT/fmnist-cli/target/lib/*" "$HERE/WritePictures.java" \
    "$DATA" pictures 10000
fi

# Builds happen before any timing: the launchers build what changed on first use.
"$ROOT/fmnist" backends >/dev/null
"$HERE/../score-local" --help >/dev/null

seconds() { local s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }

t_predict=$(seconds "$ROOT/fmnist" predict --model model.fmnist --json pictures/*/*.png)
rm -rf out-pictures
t_spark=$(seconds "$HERE/../score-local" --master 'local[2]' --model model.fmnist --input pictures --output out-pictures)
t_eval=$(seconds "$ROOT/fmnist" evaluate --model model.fmnist --data "$DATA")
rm -rf out-idx out-idx-1m
t_idx=$(seconds "$HERE/../score-local" --master 'local[2]' --model model.fmnist --input "$DATA" --input-format idx --output out-idx)
t_idx_1m=$(seconds "$HERE/../score-local" --master 'local[2]' --model model.fmnist --input "$DATA" --input-format idx --repeat 100 --output out-idx-1m)

printf '%-44s %10s %12s\n' "path (wall time of the whole command)" "seconds" "images/s"
printf '%-44s %10.1f %12.0f\n' "fmnist predict, 10,000 PNG files" "$t_predict" "$(echo "10000 / $t_predict" | bc -l)"
printf '%-44s %10.1f %12.0f\n' "score-local local[2], 10,000 PNG files" "$t_spark" "$(echo "10000 / $t_spark" | bc -l)"
printf '%-44s %10.1f %12.0f\n' "fmnist evaluate, 10,000 IDX images" "$t_eval" "$(echo "10000 / $t_eval" | bc -l)"
printf '%-44s %10.1f %12.0f\n' "score-local local[2], 10,000 IDX images" "$t_idx" "$(echo "10000 / $t_idx" | bc -l)"
printf '%-44s %10.1f %12.0f\n' "score-local local[2], 1,000,000 IDX images" "$t_idx_1m" "$(echo "1000000 / $t_idx_1m" | bc -l)"
printf 'overhead ratio (Spark / single JVM): pictures %.2f, IDX 10k %.2f\n' \
  "$(echo "$t_spark / $t_predict" | bc -l)" "$(echo "$t_idx / $t_eval" | bc -l)"
