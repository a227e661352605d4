#!/usr/bin/env bash
# Soak: one long open-loop level against the built-in simulator with about 1% of requests hit by
# each fault the simulator injects, watching repat's resident memory, open descriptors and send lag
# minute by minute. Goal: flat — RSS growth under 5% after the first minute, no descriptor growth.
#
#   bash bench/soak.sh                 # one hour at 20 req/s
#   bash bench/soak.sh --minutes 10    # shorter
#   bash bench/soak.sh --rate 10 --repat .build/debug/repat
#
# The simulator runs inside repat's process (sim://), so the figures cover client and server
# together; a leak in either shows. Prints one line per minute, then the verdict; exits 0 when the
# goal is met, 1 when it is not, 2 on bad arguments or a run that did not start.
set -euo pipefail

minutes=60
rate=20
repat=""
keep=false

usage() {
    echo "usage: bash bench/soak.sh [--minutes N] [--rate REQ_PER_S] [--repat PATH] [--keep]" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes=${2:-}; shift 2 ;;
        --rate) rate=${2:-}; shift 2 ;;
        --repat) repat=${2:-}; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) usage ;;
        *) echo "soak: unknown argument '$1'" >&2; usage ;;
    esac
done
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || { echo "soak: --minutes must be a whole number of minutes, at least 1" >&2; exit 2; }
[[ "$rate" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "soak: --rate must be a number of requests per second" >&2; exit 2; }

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$repat" ]; then
    for candidate in "$here/.build/release/repat" "$here/.build/debug/repat"; do
        if [ -x "$candidate" ]; then repat=$candidate; break; fi
    done
fi
[ -n "$repat" ] && [ -x "$repat" ] || { echo "soak: no repat executable (build with: swift build -c release)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/repat-soak.XXXXXX")
cleanup() {
    if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then kill -INT "$pid"; wait "$pid" 2>/dev/null || true; fi
    if $keep; then echo "soak: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Every probabilistic fault at 1%; the two delays the simulator applies to every request are set
# small so their code paths run too. A 1 MiB token event, a 2 s stall, a cut connection, a
# malformed event, an error event inside the stream, 429s (retried once) and 500s / 503s.
cat >"$work/soak.yaml" <<EOF
name: soak
seed: 7
targets:
  - name: sim-faults
    dialect: openai-chat
    base_url: sim://soak
    model: sim-model
    retry_429: 1
    simulator:
      max_num_seqs: 64
      decode_base_ms: 10
      decode_per_seq_ms: 0.1
      error_rate: 0.01
      rate_limit_rate: 0.01
      retry_after_seconds: 0
      unavailable_rate: 0.01
      disconnect_rate: 0.01
      stall_rate: 0.01
      stall_seconds: 2
      malformed_rate: 0.01
      stream_error_rate: 0.01
      large_event_rate: 0.01
      slow_headers_ms: 1
      first_token_delay_ms: 1
load:
  rate: $rate
  arrival: poisson
  duration: $((minutes * 60))s
workload:
  prompt_tokens: 64
  max_tokens: 32
  ignore_eos: true
EOF

"$repat" run "$work/soak.yaml" --results-dir "$work/results" --quiet >"$work/stdout" 2>"$work/stderr" &
pid=$!

# Samples every 5 s; per minute: RSS at the minute's end (and its peak), descriptors (peak),
# requests finished in the minute, and their send lag (p50, p99, max) read from requests.csv.
csv=""
seen=0
start=$(date +%s)
printf '%-6s %-10s %-10s %-6s %-9s %-9s %-9s %-9s %s\n' minute rss_mib peak_mib fds requests lag_p50 lag_p99 lag_max errors
for ((minute = 1; minute <= minutes; minute++)); do
    peak_kib=0
    peak_fds=0
    rss_kib=0
    while [ $(( $(date +%s) - start )) -lt $((minute * 60)) ]; do
        sleep 5
        kill -0 "$pid" 2>/dev/null || break
        rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
        [ "$rss_kib" -gt "$peak_kib" ] && peak_kib=$rss_kib
        [ "$fds" -gt "$peak_fds" ] && peak_fds=$fds
    done
    [ -n "$csv" ] || csv=$(ls "$work"/results/*/requests.csv 2>/dev/null | head -n 1 || true)
    [ "$rss_kib" -gt 0 ] || break
    read -r count p50 p99 max errors total < <(python3 - "${csv:-/dev/null}" "$seen" <<'PY'
import csv, sys
path, seen = sys.argv[1], int(sys.argv[2])
rows = []
with open(path, newline="") as f:
    for number, row in enumerate(csv.DictReader(f)):
        if number >= seen:
            rows.append(row)
lags = sorted(float(r["send_lag_ms"]) for r in rows if r.get("send_lag_ms"))
errors = sum(1 for r in rows if r.get("status") != "ok")
def pick(q):
    return "%.3f" % lags[min(len(lags) - 1, int(q * len(lags)))] if lags else "-"
print(len(rows), pick(0.5), pick(0.99), "%.3f" % lags[-1] if lags else "-", errors, seen + len(rows))
PY
)
    seen=$total
    printf '%-6s %-10s %-10s %-6s %-9s %-9s %-9s %-9s %s\n' "$minute" "$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -v k="$peak_kib" 'BEGIN { printf "%.1f", k / 1024 }')" "$peak_fds" "$count" "$p50" "$p99" "$max" "$errors"
    echo "$minute $rss_kib $peak_fds" >>"$work/samples"
    kill -0 "$pid" 2>/dev/null || break
done

# The level ends on its own a moment after the last sample (setup came first): wait for it.
wait "$pid" && status=0 || status=$?
pid=""
if [ ! -s "$work/samples" ] || [ "$(wc -l <"$work/samples")" -lt "$minutes" ] || [ "$status" -ne 0 ]; then
    echo "soak: repat ended early or failed (exit $status):" >&2
    tail -n 5 "$work/stderr" >&2
    exit 2
fi

# Verdict: the last minute against the first.
read -r first_rss first_fds < <(awk 'NR == 1 { print $2, $3 }' "$work/samples")
read -r last_rss last_fds < <(awk 'END { print $2, $3 }' "$work/samples")
growth=$(awk -v a="$first_rss" -v b="$last_rss" 'BEGIN { printf "%.2f", (b - a) * 100 / a }')
verdict=met
awk -v g="$growth" 'BEGIN { exit !(g < 5) }' || verdict="not met"
[ "$last_fds" -le "$first_fds" ] || verdict="not met"
echo "RSS ${first_rss} KiB after minute 1, ${last_rss} KiB after minute $minutes: ${growth}% (goal: under 5%)"
echo "descriptors (peak in the minute): $first_fds in minute 1, $last_fds in minute $minutes (goal: no growth)"
echo "repat: $repat; rate $rate req/s; verdict: $verdict"
[ "$verdict" = met ]
