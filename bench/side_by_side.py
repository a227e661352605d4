"""Runs GuideLLM, AIPerf and repat against the same `repat simulate` at the same loads.

For each load (a constant request rate, the same prompt and output lengths for every tool) it
measures, the same way for every tool:

- client CPU per output token: the tool's process tree CPU (user + system, from the driver's
  RUSAGE_CHILDREN after the tool exits) over the output tokens the simulator produced, both in
  total and net of the tool's fixed cost (start-up, imports, reports), which is measured by a
  two-request run of the same tool first;
- achieved rate: from the simulator's ground-truth log, (n - 1) over the span of the requests'
  first-token write times (the simulator's fixed prefill delay is the same for every request);
- TTFT error: the tool's reported TTFT p50 minus the simulator's configured time to first token.

and prints each tool's figures and their ratios to repat's. Run it through side-by-side.sh.
"""

import argparse
import csv
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROMPT_TOKENS = 256
OUTPUT_TOKENS = 64
FIRST_TOKEN_MS = 20.0
INTER_TOKEN_MS = 10.0
# The offline tokenizer side-by-side.sh writes: AIPerf loads it by its (fake) hub name, GuideLLM by
# the snapshot's path (transformers looks for a model config.json when given a hub name offline).
TOKENIZER_NAME = "local/wordtok"
TOKENIZER_PATH = Path.home() / ".cache/repat/hf/hub/models--local--wordtok/snapshots" / ("0" * 40)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_simulator(repat: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    settings = {
        "max_num_seqs": 100000, "kv_cache_tokens": 1 << 40, "prefill_tokens_per_second": 1e15,
        # The first-token delay, unlike prefill time, is not serialised across requests, so the
        # time to first token is the same at every load: prefill itself costs nothing.
        "prefill_overhead_ms": 0, "first_token_delay_ms": FIRST_TOKEN_MS,
        "decode_base_ms": INTER_TOKEN_MS, "decode_per_seq_ms": 0,
        "eos_probability": 0, "model_name": "sim-model", "ground_truth": "true", "ground_truth_log": str(log),
    }
    command = [repat, "simulate", "--port", str(port), "--threads", "1"]
    for name, value in settings.items():
        command += ["--set", f"{name}={value}"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = server.stdout.readline()
    if "listening" not in line:
        server.kill()
        sys.exit(f"side-by-side: the simulator did not start: {line.strip()}")
    return server, f"http://127.0.0.1:{port}"


def run_tool(command: list[str], env: dict, workdir: Path) -> tuple[float, float, str]:
    """Runs one tool to the end; returns (CPU seconds of its process tree, wall seconds, output tail)."""
    before = children_cpu()
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=workdir, capture_output=True, text=True)
    wall = time.monotonic() - started
    cpu = children_cpu() - before
    if done.returncode != 0:
        sys.exit(f"side-by-side: {command[0]} failed ({done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    return cpu, wall, done.stdout[-2000:]


def repat_run(repat: str, url: str, rate: float, requests: int, workdir: Path, env: dict) -> dict:
    scenario = workdir / "repat.yaml"
    scenario.write_text(
        f"name: side-by-side\nseed: 1\ntargets:\n  - name: sim\n    dialect: openai-chat\n    base_url: {url}/v1\n"
        f"    model: sim-model\nload:\n  rate: {rate}\n  arrival: constant\n  requests: {requests}\n"
        f"workload:\n  prompt_tokens: {PROMPT_TOKENS}\n  max_tokens: {OUTPUT_TOKENS}\n  ignore_eos: true\n"
    )
    results = workdir / "repat-results"
    cpu, wall, _ = run_tool([repat, "run", str(scenario), "--results-dir", str(results), "--quiet"], env, workdir)
    summary = next(results.glob("*/summary.csv"))
    with summary.open() as handle:
        row = next(csv.DictReader(handle))
    return {"cpu_s": cpu, "wall_s": wall, "ttft_p50_ms": float(row["ttft_p50_ms"]), "ok": int(row["ok"])}


def guidellm_run(venv: Path, url: str, rate: float, requests: int, workdir: Path, env: dict) -> dict:
    output = workdir / "guidellm.json"
    command = [
        str(venv / "bin" / "guidellm"), "run",
        "--backend", f"kind=openai_http,target={url},model=sim-model",
        "--profile", f"kind=constant,rate={rate}",
        "--constraint", f"kind=max_requests,count={requests}",
        "--tokenizer", f"kind=hf_auto,model={TOKENIZER_PATH}",
        "--data", f"kind=synthetic_text,prompt_tokens={PROMPT_TOKENS},output_tokens={OUTPUT_TOKENS}",
        "--output", f"kind=json,path={output}",
        "--disable-console-interactive",
    ]
    cpu, wall, _ = run_tool(command, env, workdir)
    metrics = json.loads(output.read_text())["benchmarks"][0]["metrics"]
    ttft = metrics["time_to_first_token_ms"]["successful"]
    return {"cpu_s": cpu, "wall_s": wall, "ttft_p50_ms": ttft["percentiles"]["p50"], "ok": ttft["count"]}


def aiperf_run(venv: Path, url: str, rate: float, requests: int, workdir: Path, env: dict) -> dict:
    artifacts = workdir / "aiperf"
    command = [
        str(venv / "bin" / "aiperf"), "profile", "--model", "sim-model", "--url", url, "--endpoint-type", "chat",
        "--streaming", "--tokenizer", TOKENIZER_NAME, "--request-rate", str(rate), "--request-count", str(requests),
        "--synthetic-input-tokens-mean", str(PROMPT_TOKENS), "--output-tokens-mean", str(OUTPUT_TOKENS),
        "--extra-inputs", "ignore_eos:true", "--use-server-token-count", "--artifact-dir", str(artifacts), "--ui-type", "none",
    ]
    cpu, wall, _ = run_tool(command, env, workdir)
    report = json.loads((artifacts / "profile_export_aiperf.json").read_text())
    ttft = report["time_to_first_token"]
    return {"cpu_s": cpu, "wall_s": wall, "ttft_p50_ms": ttft["p50"], "ok": int(ttft["count"])}


def server_side(log: Path, first_line: int) -> tuple[int, float | None, int]:
    """Requests, their arrival rate and output tokens, from the ground-truth log lines after `first_line`."""
    first_tokens: dict[str, int] = {}
    tokens = 0
    with log.open() as handle:
        rows = list(csv.reader(handle))[first_line:]
    for request, token, written in rows:
        if request == "request":
            continue
        tokens += 1
        if token == "0":
            first_tokens[request] = int(written)
    times = sorted(first_tokens.values())
    rate = (len(times) - 1) / ((times[-1] - times[0]) / 1e9) if len(times) > 1 and times[-1] > times[0] else None
    return len(times), rate, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repat", required=True)
    parser.add_argument("--venv", required=True, type=Path)
    parser.add_argument("--rates", default="10,50")
    parser.add_argument("--seconds", type=float, default=20)
    arguments = parser.parse_args()

    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(Path.home() / ".cache" / "repat" / "hf"))
    workroot = Path(tempfile.mkdtemp(prefix="repat-side-by-side-"))
    log = workroot / "ground-truth.csv"
    server, url = start_simulator(arguments.repat, log)
    tools = {
        "repat": lambda rate, n, work: repat_run(arguments.repat, url, rate, n, work, env),
        "guidellm": lambda rate, n, work: guidellm_run(arguments.venv, url, rate, n, work, env),
        "aiperf": lambda rate, n, work: aiperf_run(arguments.venv, url, rate, n, work, env),
    }
    rows = []
    fixed_cpu = {}
    try:
        for name, run in tools.items():
            work = workroot / f"{name}-fixed"
            work.mkdir()
            fixed_cpu[name] = run(1.0, 2, work)["cpu_s"]
            print(json.dumps({"tool": name, "fixed_cpu_s": fixed_cpu[name]}), flush=True)
        for rate in [float(value) for value in arguments.rates.split(",")]:
            requests = int(rate * arguments.seconds)
            for name, run in tools.items():
                work = workroot / f"{name}-{rate:g}"
                work.mkdir()
                lines_before = sum(1 for _ in log.open()) if log.exists() else 0
                figures = run(rate, requests, work)
                served, achieved, tokens = server_side(log, lines_before)
                rows.append({
                    "tool": name, "rate": rate, "requests": requests, "served": served,
                    "achieved_rate": achieved, "output_tokens": tokens,
                    "cpu_us_per_token": figures["cpu_s"] / tokens * 1e6 if tokens else None,
                    "net_cpu_us_per_token": max(0.0, figures["cpu_s"] - fixed_cpu[name]) / tokens * 1e6 if tokens else None,
                    "ttft_error_ms": figures["ttft_p50_ms"] - FIRST_TOKEN_MS,
                    "cpu_s": figures["cpu_s"], "wall_s": figures["wall_s"],
                })
                print(json.dumps(rows[-1]), flush=True)
    finally:
        server.terminate()
        server.wait()

    print()
    header = [
        "rate/s", "tool", "served", "achieved/s", "vs requested", "CPU us/token", "net CPU us/token", "net CPU vs repat",
        "TTFT p50 error ms", "CPU s", "fixed CPU s", "wall s",
    ]
    print("  ".join(header))
    for row in rows:
        base = next(r for r in rows if r["rate"] == row["rate"] and r["tool"] == "repat")
        ratio = row["net_cpu_us_per_token"] / base["net_cpu_us_per_token"] if row["net_cpu_us_per_token"] and base["net_cpu_us_per_token"] else None
        deviation = row["achieved_rate"] / row["rate"] - 1 if row["achieved_rate"] else None
        cells = [
            f"{row['rate']:g}", row["tool"], str(row["served"]),
            f"{row['achieved_rate']:.2f}" if row["achieved_rate"] else "-",
            f"{deviation * 100:+.2f}%" if deviation is not None else "-",
            f"{row['cpu_us_per_token']:.1f}" if row["cpu_us_per_token"] else "-",
            f"{row['net_cpu_us_per_token']:.1f}" if row["net_cpu_us_per_token"] is not None else "-",
            f"{ratio:.1f}x" if ratio else "-",
            f"{row['ttft_error_ms']:.2f}", f"{row['cpu_s']:.2f}", f"{fixed_cpu[row['tool']]:.2f}", f"{row['wall_s']:.1f}",
        ]
        print("  ".join(cells))


if __name__ == "__main__":
    main()
