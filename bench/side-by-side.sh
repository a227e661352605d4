#!/usr/bin/env bash
# GuideLLM, AIPerf and repat against the same `repat simulate`, at the same loads; prints each
# tool's client CPU per token, achieved rate and TTFT error, and the ratios to repat's.
#
#   bash bench/side-by-side.sh [--rates 10,50] [--seconds 20]
#
# Installs GuideLLM and AIPerf from PyPI into ~/.cache/repat/bench-venv (once), writes an offline
# word-level tokenizer into a private Hugging Face cache (~/.cache/repat/hf: the tools' default
# tokenizers come from the hub, which need not be reachable), and builds repat in release mode
# (in .build-release).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${HOME}/.cache/repat"
venv="${cache}/bench-venv"
guidellm_version="0.8.1"
aiperf_version="0.13.0"

if ! "${venv}/bin/python" -c "import guidellm, aiperf" 2>/dev/null; then
    python3 -m venv "${venv}"
    "${venv}/bin/pip" install --quiet --upgrade pip
    "${venv}/bin/pip" install --quiet "guidellm==${guidellm_version}" "aiperf==${aiperf_version}"
fi

# A fake hub snapshot, so both tools load "local/wordtok" with HF_HUB_OFFLINE=1.
snapshot="${cache}/hf/hub/models--local--wordtok/snapshots/0000000000000000000000000000000000000000"
if [ ! -f "${snapshot}/tokenizer.json" ]; then
    mkdir -p "${snapshot}" "${cache}/hf/hub/models--local--wordtok/refs"
    printf '0000000000000000000000000000000000000000' > "${cache}/hf/hub/models--local--wordtok/refs/main"
    "${venv}/bin/python" "${root}/bench/make_tokenizer.py" "${snapshot}"
fi

# A build folder of its own, so the release build does not wait on (or block) debug builds.
(cd "${root}" && swift build -c release --product repat --build-path .build-release >/dev/null)
repat="$(cd "${root}" && swift build -c release --build-path .build-release --show-bin-path)/repat"

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), guidellm ${guidellm_version}, aiperf ${aiperf_version}"
"${venv}/bin/python" "${root}/bench/side_by_side.py" --repat "${repat}" --venv "${venv}" "$@"
