#!/usr/bin/env python3
"""Capacity from the database, through HTTP against a running `tandem serve` (release build).

    bench.py URL [--checks N] [--pages N]

Signs in as the demo PM, makes an API token, then
  - sends N `POST /api/v1/capacity/check` requests one after another (random pairs among those
    the heatmap lists, 1–3 targets, translation then revision, 2,000–20,000 words, deadlines
    3–10 days out) and reports the wall time per request: median, p90, p99, max;
  - loads the capacity page (the heatmap, 12 weeks) N times with the signed-in browser session.
Prints one JSON object. See BENCHMARKS.md, "Capacity from the database"."""
import argparse
import datetime as dt
import json
import random
import re
import statistics
import time

import requests


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values):
    return {"n": len(values), "median_ms": round(statistics.median(values), 2), "p90_ms": round(percentile(values, 90), 2),
            "p99_ms": round(percentile(values, 99), 2), "max_ms": round(max(values), 2)}


def sign_in(base, email):
    session = requests.Session()
    login = session.get(base + "/login", timeout=30)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login.text).group(1)
    session.post(base + "/login", data={"_csrf": csrf, "email": email, "password": "demo-password"}, timeout=30)
    page = session.get(base + "/settings/profile/tokens", timeout=30)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    created = session.post(base + "/settings/profile/tokens", data={"_csrf": csrf, "name": "bench"}, timeout=30)
    token = re.search(r"tdm_[A-Za-z0-9]{40}", created.text).group(0)
    return session, {"Authorization": f"Bearer {token}"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--email", default="paula.project@lumen.example")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    session, headers = sign_in(base, args.email)
    heatmap = requests.get(base + "/api/v1/capacity/heatmap", headers=headers, timeout=60).json()
    pairs = [(r["source"], r["target"]) for r in heatmap["rows"]]
    assert pairs, "no language pairs: is the demo loaded?"
    rng = random.Random(42)
    now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    checks, verdicts = [], {}
    api = requests.Session()
    for i in range(args.checks + 20):
        chosen = rng.sample(pairs, min(len(pairs), rng.randint(1, 3)))
        words = rng.randint(2000, 20000)
        body = {"start": now.isoformat().replace("+00:00", "Z"),
                "deadline": (now + dt.timedelta(days=rng.randint(3, 10))).isoformat().replace("+00:00", "Z"),
                "maxVendorsPerStep": 3,
                "targets": [{"source": s, "target": t, "steps": [{"service": "translation", "words": words},
                                                                  {"service": "revision", "words": words}]}
                            for s, t in chosen]}
        started = time.perf_counter()
        response = api.post(base + "/api/v1/capacity/check", json=body, headers=headers, timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.text
        if i >= 20:  # warm-up
            checks.append(elapsed)
            verdict = response.json()["verdict"]
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
    pages = []
    for i in range(args.pages + 3):
        started = time.perf_counter()
        response = session.get(base + "/capacity", timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200 and "heatmap" in response.text
        if i >= 3:
            pages.append(elapsed)
    print(json.dumps({"pairs": len(pairs), "check": summary(checks), "verdicts": verdicts,
                      "heatmap_page": summary(pages)}, indent=2))


if __name__ == "__main__":
    main()
