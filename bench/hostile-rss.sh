#!/usr/bin/env bash
# Peak resident memory of `repat run` against servers that misbehave (issue 19): one whose SSE line
# never ends, one that ignores max_tokens and streams tokens as fast as it can; beside them a polite
# server, and a silent one that never answers, so repat sits idle waiting (the idle baseline). Each
# runs closed loop at concurrency 1 for DURATION seconds (default 20) against
# bench/hostile_server.py on loopback; peak RSS is /usr/bin/time's "Maximum resident set size".
# Usage: bench/hostile-rss.sh [DURATION] [REPAT]   (REPAT defaults to .build/release/repat)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
repat=${2:-.build/release/repat}
[ -x "$repat" ] || { echo "no $repat: build it with swift build -c release --product repat, or name a binary"; exit 2; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

peak_kib() {  # MODE → peak RSS of repat in KiB; prints the run's status counts on stderr
    local mode=$1
    rm -f "$work/port"
    python3 bench/hostile_server.py "$mode" "$work/port" &
    server=$!
    for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
    cat > "$work/$mode.yaml" <<YAML
name: hostile-rss-$mode
targets:
  - name: $mode
    dialect: openai-chat
    base_url: http://127.0.0.1:$(cat "$work/port")/v1
    model: m
    request_timeout: ${duration}s
load:
  concurrency: 1
  duration: ${duration}s
workload:
  prompt_tokens: 16
  max_tokens: 10
YAML
    /usr/bin/time -v "$repat" run "$work/$mode.yaml" --results-dir "$work/results" --quiet \
        >"$work/$mode.out" 2>"$work/$mode.time" || true
    kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
    server=""
    local summary
    summary=$(ls -d "$work"/results/*/ | tail -1)summary.csv
    python3 - "$summary" "$mode" >&2 <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
counts = {k[2:]: v for k, v in row.items() if k.startswith("n_") and v not in ("", "0")}
print(f"  {sys.argv[2]:>12}: {row['requests']} requests, ok {row['ok']}, " + ", ".join(f"{k} {v}" for k, v in counts.items()))
PY
    rm -rf "$work/results"
    awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$mode.time"
}

echo "repat: $repat; $duration s per case, closed loop, concurrency 1, max_tokens 10"
base=$(peak_kib silent)
polite=$(peak_kib polite)
line=$(peak_kib endless-line)
ignore=$(peak_kib ignore-max)
printf '%-30s %10s %12s\n' case "peak RSS" "above idle"
for pair in "idle (silent server):$base" "polite server:$polite" "never-ending SSE line:$line" "server ignoring max_tokens:$ignore"; do
    name=${pair%%:*}; kib=${pair##*:}
    printf '%-30s %7d MB %9d MB\n' "$name" $((kib / 1024)) $(((kib - base) / 1024))
done
