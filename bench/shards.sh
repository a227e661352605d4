#!/usr/bin/env bash
# Aggregate output tokens/s and send lag of 1, 2 and 4 local shards (`repat run --shard i/N` with a
# barrier, then `repat merge`) against one zero-latency `repat simulate`, at one open-loop rate.
# Usage: bash bench/shards.sh [--repat PATH] [--rate R] [--requests N] [--max-tokens T]
set -euo pipefail
cd "$(dirname "$0")/.."
REPAT=.build/release/repat; RATE=200; REQUESTS=1000; MAX_TOKENS=256
while [ $# -gt 0 ]; do
    case "$1" in
        --repat) REPAT=$2; shift 2 ;; --rate) RATE=$2; shift 2 ;; --requests) REQUESTS=$2; shift 2 ;;
        --max-tokens) MAX_TOKENS=$2; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
WORK=$(mktemp -d /tmp/repat-shards.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$REPAT" simulate --port "$PORT" --set decode_base_ms=0 --set decode_per_seq_ms=0 --set prefill_overhead_ms=0 \
    --set prefill_tokens_per_second=100000000 --set max_num_seqs=100000 > "$WORK/simulator.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening at" "$WORK/simulator.log" && break; sleep 0.1; done
cat > "$WORK/scenario.yaml" <<YAML
name: shards-bench
seed: 1
targets:
  - name: sim
    dialect: openai-chat
    base_url: http://127.0.0.1:$PORT/v1
    model: sim-model
load:
  rate: [$RATE]
  arrival: constant
  requests: $REQUESTS
workload:
  prompt_tokens: 16
  max_tokens: $MAX_TOKENS
  ignore_eos: true
YAML
echo "shards,output_tok_per_s,req_per_s,send_lag_p50_ms,send_lag_p99_ms,send_lag_max_ms"
for shards in 1 2 4; do
    pids=()
    for index in $(seq 0 $((shards - 1))); do
        "$REPAT" run "$WORK/scenario.yaml" --shard "$index/$shards" --barrier "$WORK/barrier-$shards" --run-id "n$shards" \
            --results-dir "$WORK/results" --quiet > "$WORK/shard-$shards-$index.log" 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    "$REPAT" merge "$WORK/results/n$shards" > /dev/null
    python3 - "$WORK/results/n$shards/summary.csv" "$shards" <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
print(",".join([sys.argv[2], row["output_tok_per_s"], row["req_per_s"], row["send_lag_p50_ms"], row["send_lag_p99_ms"], row["send_lag_max_ms"]]))
PY
done
