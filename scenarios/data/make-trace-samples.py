#!/usr/bin/env python3
"""Writes the project-made trace samples `workload.trace` replays (docs/trace-replay.md):

- trace-sample.jsonl: repat's JSONL, 120 requests over two minutes in bursts, 30 conversations;
- mooncake-sample.jsonl: Mooncake's format, 120 requests; eight system prompts of two 512-token
  blocks shared by the requests of each group (hash_ids), then each request's own blocks;
- azure-sample.csv: the Azure LLM inference trace's columns, 120 requests.

Seeded; rewrites the three files next to itself.
"""
import datetime
import os
import random

COUNT = 120


def arrivals(rng):
    """Seconds from 0, sorted: Poisson at 1 request/s with a burst every 30 s."""
    times, now = [], 0.0
    while len(times) < COUNT:
        now += rng.expovariate(3.0 if int(now) % 30 < 5 else 0.8)
        times.append(round(now, 3))
    return times


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(11)
    times = arrivals(rng)
    with open(os.path.join(here, "trace-sample.jsonl"), "w") as out:
        for i, t in enumerate(times):
            out.write('{"timestamp": %.3f, "input_tokens": %d, "output_tokens": %d, "session_id": "s%d"}\n'
                      % (t, rng.randint(100, 1500), rng.randint(20, 300), i % 30))
    next_hash = 16
    with open(os.path.join(here, "mooncake-sample.jsonl"), "w") as out:
        for i, t in enumerate(times):
            group = rng.randrange(8)
            own = rng.randint(1, 4)
            hashes = [2 * group, 2 * group + 1] + list(range(next_hash, next_hash + own))
            next_hash += own
            input_length = 512 * (len(hashes) - 1) + rng.randint(1, 512)
            out.write('{"timestamp": %d, "input_length": %d, "output_length": %d, "hash_ids": [%s]}\n'
                      % (int(t * 1000), input_length, rng.randint(20, 200), ", ".join(map(str, hashes))))
    start = datetime.datetime(2023, 11, 16, 18, 0, 0, tzinfo=datetime.timezone.utc)
    with open(os.path.join(here, "azure-sample.csv"), "w") as out:
        out.write("TIMESTAMP,ContextTokens,GeneratedTokens\n")
        for t in times:
            stamp = start + datetime.timedelta(seconds=t)
            out.write("%s.%07d,%d,%d\n" % (stamp.strftime("%Y-%m-%d %H:%M:%S"), stamp.microsecond * 10,
                                           rng.randint(50, 4000), rng.randint(5, 500)))


if __name__ == "__main__":
    main()
