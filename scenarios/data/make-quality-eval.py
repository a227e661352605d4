#!/usr/bin/env python3
"""Writes quality-eval.jsonl: repat's own evaluation set with expected answers.

Deterministic (a fixed seed, no external data), so the file is reproducible:
    python3 scenarios/data/make-quality-eval.py > scenarios/data/quality-eval.jsonl
Four families of short tasks, answerable in a few tokens so a small model on a CPU answers fast:
arithmetic (number), extraction (exact), classification (one_of) and JSON output (json_schema).
"""
import json
import random

rng = random.Random(20261207)
items = []

# Arithmetic: one operation on small whole numbers; the answer is a number, compared exactly.
for _ in range(100):
    a, b = rng.randint(2, 99), rng.randint(2, 99)
    op = rng.choice(["+", "-", "*"])
    value = a + b if op == "+" else a - b if op == "-" else a * b
    items.append({
        "prompt": f"What is {a} {op} {b}? Reply with the number only.",
        "max_tokens": 8,
        "expected": {"number": value},
    })

# Extraction: a city, a first name or a year from one sentence.
names = ["Anna", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Lea", "Jonas", "Clara", "Hugo",
         "Ines", "Milan", "Nora", "Oskar", "Paula", "Rafael", "Sara", "Tomas", "Vera", "Yann"]
cities = ["Lyon", "Berlin", "Madrid", "Vienna", "Lisbon", "Prague", "Dublin", "Warsaw", "Milan",
          "Ghent", "Porto", "Bergen", "Turin", "Krakow", "Leipzig", "Seville", "Tallinn", "Riga"]
verbs = ["moved to", "opened an office in", "studied in", "gave a talk in", "bought a flat in"]
for index in range(80):
    name, city, verb = rng.choice(names), rng.choice(cities), rng.choice(verbs)
    year = rng.randint(1990, 2025)
    sentence = f"{name} {verb} {city} in {year}."
    field = ["city", "first name", "year"][index % 3]
    answer = {"city": city, "first name": name, "year": str(year)}[field]
    items.append({
        "prompt": f"Sentence: \"{sentence}\" What is the {field} in the sentence? Reply with the {field} only.",
        "max_tokens": 8,
        "expected": {"exact": answer},
    })

# Classification: the sentiment of a short product review, one word.
good = ["works perfectly", "arrived early and works great", "is excellent value", "exceeded my expectations",
        "is fast and reliable", "is a pleasure to use"]
bad = ["broke after two days", "never arrived", "is slow and unreliable", "was a waste of money",
       "stopped working within a week", "is badly made"]
things = ["The laptop", "This kettle", "The headset", "My new phone", "The printer", "This chair",
          "The router", "The monitor", "This backpack", "The keyboard"]
for _ in range(80):
    positive = rng.random() < 0.5
    review = f"{rng.choice(things)} {rng.choice(good if positive else bad)}."
    label = "positive" if positive else "negative"
    items.append({
        "prompt": f"Review: \"{review}\" Is the sentiment positive or negative? Reply with one word: positive or negative.",
        "max_tokens": 4,
        "expected": {"one_of": [label]},
    })

# JSON output: name and age as an object; the schema pins both values.
for _ in range(40):
    name, age = rng.choice(names), rng.randint(18, 90)
    items.append({
        "prompt": f"\"{name} is {age} years old.\" Reply with only a JSON object with keys \"name\" (string) and \"age\" (integer).",
        "max_tokens": 24,
        "expected": {"json_schema": {
            "type": "object", "required": ["name", "age"],
            "properties": {"name": {"type": "string", "enum": [name]}, "age": {"type": "integer", "enum": [age]}},
        }},
    })

# One order for the whole file, so any prefix of it mixes the four families.
rng.shuffle(items)
for item in items:
    print(json.dumps(item, ensure_ascii=False))
