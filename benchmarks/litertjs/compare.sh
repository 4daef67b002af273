#!/usr/bin/env bash
# Times the same .tflite files in LiteRT.js (WebAssembly, XNNPACK, one thread) and in edgeinfer's
# lite engine (`edgeinfer bench`, one thread), interleaved round by round so that a busy machine
# slows both alike, and prints each round's p50 latencies and their ratio.
#
#   benchmarks/litertjs/compare.sh [--rounds N] [--iterations N] [--warmup N] MODEL.tflite...
#
# Needs Node 18+ and `npm install` in this folder once (it pins @litertjs/core), and the built
# command (`./mvnw -q package -DskipTests -Dedgeinfer.skipWorkstation`). Float32 models only:
# LiteRT.js gets random floats, edgeinfer bench random floats in [0, 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds=3
iterations=200
warmup=100
models=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds | --iterations | --warmup)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ && "$2" -ge 1 ]] ||
        { echo "compare.sh: expected a whole number >= 1 after $1, found ${2:-nothing}" >&2; exit 2; }
      declare "${1#--}=$2"
      shift 2
      ;;
    -*) echo "compare.sh: expected --rounds, --iterations, --warmup or a model, found $1" >&2; exit 2 ;;
    *) models+=("$1"); shift ;;
  esac
done
[[ ${#models[@]} -gt 0 ]] || { echo "compare.sh: expected one or more .tflite files, found none" >&2; exit 2; }
[[ -d "$here/node_modules/@litertjs/core" ]] ||
  { echo "compare.sh: expected LiteRT.js installed, found none: run 'npm install' in $here" >&2; exit 2; }
[[ -x "$root/bin/edgeinfer" ]] || { echo "compare.sh: expected $root/bin/edgeinfer, found none" >&2; exit 2; }

p50() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s.slice(s.indexOf("{")));console.log(j.p50_us.toFixed(0))})'; }

echo "edgeinfer lite vs LiteRT.js $(node -p 'require("'"$here"'/node_modules/@litertjs/core/package.json").version') (wasm), one thread, batch 1, p50 of $iterations runs after $warmup, $rounds rounds interleaved"
printf '%-48s %5s %12s %12s %7s\n' model round "lite us" "litert.js us" ratio
for model in "${models[@]}"; do
  [[ -f "$model" ]] || { echo "compare.sh: expected a file, found no $model" >&2; exit 2; }
  for ((r = 1; r <= rounds; r++)); do
    lite=$("$root/bin/edgeinfer" bench --model "$model" --intra-op-threads 1 \
      --iterations "$iterations" --warmup "$warmup" --json 2>/dev/null | p50)
    litert=$(node "$here/bench.mjs" "$model" --iterations "$iterations" --warmup "$warmup" 2>/dev/null | p50)
    printf '%-48s %5d %12s %12s %7s\n' "$(basename "$model")" "$r" "$lite" "$litert" \
      "$(node -p "($lite / $litert).toFixed(2)")"
  done
done
echo "ratio = lite / LiteRT.js: above 1, the lite engine is slower"
