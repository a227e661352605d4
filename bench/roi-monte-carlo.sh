#!/usr/bin/env bash
# Times `repat roi` (release build) on a run with the default 10,000 Monte Carlo draws and with
# 100,000, so the share the Monte Carlo takes can be read off. Usage:
#   bench/roi-monte-carlo.sh RUN [extra repat roi options]
# (default options: --hardware h100-sxm --gpus-per-server 8 --utilisation 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/roi-monte-carlo.sh RUN [repat roi options]"; exit 2; }
run=$1; shift
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--hardware h100-sxm --gpus-per-server 8 --utilisation 0.3)
swift build -c release --product repat >/dev/null
for draws in 10000 100000; do
    start=$(date +%s.%N)
    .build/release/repat roi "$run" "${options[@]}" --draws "$draws" --format json >/dev/null
    end=$(date +%s.%N)
    python3 -c "import sys; print(f'repat roi with {sys.argv[1]:>6} draws: {float(sys.argv[3]) - float(sys.argv[2]):.3f} s')" "$draws" "$start" "$end"
done
