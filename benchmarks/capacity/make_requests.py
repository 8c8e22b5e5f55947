#!/usr/bin/env python3
"""Turns a `tandem capacity export` plan file into a workload for `PlanningBench demo`: the
same vendors and N requests drawn as `bench.py` draws them (seed 42: 1–3 pairs that have both
translators and revisers, 2,000–20,000 words, translation then revision, deadline 3–10 days
after the export's start, up to 3 vendors per step). The engine alone, without HTTP or the
database, on the data the API checks.

    make_requests.py PLAN.json OUT.json [N]"""
import datetime as dt
import json
import random
import sys


def main():
    plan = json.load(open(sys.argv[1]))
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    services = {}
    for vendor in plan["vendors"]:
        for c in vendor["capabilities"]:
            services.setdefault((c["source"], c["target"]), set()).add(c["service"])
    pairs = sorted(p for p, s in services.items() if {"translation", "revision"} <= s)
    start = dt.datetime.fromisoformat(plan["request"]["start"].replace("Z", "+00:00"))
    rng = random.Random(42)
    requests = []
    for _ in range(count):
        chosen = rng.sample(pairs, min(len(pairs), rng.randint(1, 3)))
        words = rng.randint(2000, 20000)
        deadline = start + dt.timedelta(days=rng.randint(3, 10))
        requests.append({
            "start": start.isoformat().replace("+00:00", "Z"),
            "deadline": deadline.isoformat().replace("+00:00", "Z"),
            "maxVendorsPerStep": 3,
            "targets": [{"source": s, "target": t, "steps": [{"service": "translation", "words": words},
                                                              {"service": "revision", "words": words}]}
                        for s, t in chosen]})
    json.dump({"vendors": plan["vendors"], "requests": requests}, open(sys.argv[2], "w"))
    print(f"{len(plan['vendors'])} vendors, {len(pairs)} pairs, {len(requests)} requests -> {sys.argv[2]}")


if __name__ == "__main__":
    main()
