#!/usr/bin/env python3
"""Writes the project-made usage samples of `repat usage import` (docs/usage.md):

- usage-openai-sample.json: one week of the OpenAI Usage API's completions export
  (bucket_width=1h, group_by=model) as pages of 24 buckets, one page per line;
- usage-sample.csv: the same week in repat's generic usage CSV.

Two models, an office-hours day (busier on weekdays), a seeded jitter. Run it from anywhere;
it rewrites both files next to itself.
"""
import datetime
import json
import os
import random

START = 1793577600  # 2026-11-02T00:00:00Z, a Monday
HOURS = 7 * 24
MODELS = [
    # model, requests in a busy weekday hour, input and output tokens per request, cached share
    ("gpt-4o-2024-08-06", 900, 1400, 260, 0.35),
    ("gpt-4o-mini-2024-07-18", 2400, 600, 120, 0.10),
]


def day_shape(hour_of_day, weekday):
    office = 1.0 if 8 <= hour_of_day < 19 else 0.15
    if 12 <= hour_of_day < 14:
        office = 0.7
    return office * (1.0 if weekday < 5 else 0.25)


def main():
    rng = random.Random(7)
    here = os.path.dirname(os.path.abspath(__file__))
    buckets = []
    rows = []
    for hour in range(HOURS):
        start = START + hour * 3600
        shape = day_shape(hour % 24, hour // 24)
        results = []
        for model, busy, tokens_in, tokens_out, cached in MODELS:
            requests = int(busy * shape * rng.uniform(0.85, 1.15))
            input_tokens = requests * tokens_in + rng.randint(0, 999)
            cached_tokens = int(input_tokens * cached)
            output_tokens = requests * tokens_out + rng.randint(0, 99)
            results.append({
                "object": "organization.usage.completions.result",
                "input_tokens": input_tokens, "output_tokens": output_tokens,
                "input_cached_tokens": cached_tokens, "input_audio_tokens": 0, "output_audio_tokens": 0,
                "num_model_requests": requests, "project_id": None, "user_id": None, "api_key_id": None,
                "model": model, "batch": None,
            })
            rows.append((start, model, input_tokens, output_tokens, cached_tokens, requests))
        buckets.append({"object": "bucket", "start_time": start, "end_time": start + 3600, "results": results})
    with open(os.path.join(here, "usage-openai-sample.json"), "w") as out:
        for page in range(0, HOURS, 24):
            last = page + 24 >= HOURS
            out.write(json.dumps({
                "object": "page", "data": buckets[page:page + 24], "has_more": not last,
                "next_page": None if last else f"page_{page // 24 + 1}",
            }) + "\n")
    with open(os.path.join(here, "usage-sample.csv"), "w") as out:
        out.write("time,model,input_tokens,output_tokens,cached_tokens,requests\n")
        for start, model, tokens_in, tokens_out, cached, requests in rows:
            stamp = datetime.datetime.fromtimestamp(start, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            out.write(f"{stamp},{model},{tokens_in},{tokens_out},{cached},{requests}\n")
    totals = [sum(r[i] for r in rows) for i in (2, 3, 4, 5)]
    print("input, output, cached, requests:", totals)
    print("monthly volume:", (totals[0] + totals[1]) / HOURS * 730)


if __name__ == "__main__":
    main()
