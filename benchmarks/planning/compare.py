#!/usr/bin/env python3
"""Scores the engine's answers in an export against CP-SAT optima solved earlier for the same
instances (the generator is deterministic, so only the engine's side changes between commits).
Usage: python3 compare.py out/multi-instances.json out/multi-optimality.json"""
import json
import sys

instances = {i["id"]: i for i in json.load(open(sys.argv[1]))["instances"]}
rows = json.load(open(sys.argv[2]))["rows"]
proven = [r for r in rows if r["status"] == "OPTIMAL" and instances[r["id"]]["engine"]["minutes"] is not None]
late = []
for r in proven:
    engine = instances[r["id"]]["engine"]["minutes"]
    gap = (engine - 60 * r["cpsatHours"]) / max(1, 60 * r["cpsatHours"])
    if gap > 0:
        late.append((r["id"], engine, r["cpsatHours"], round(100 * gap, 2)))
print(json.dumps({
    "compared": len(proven),
    "engineOptimal": len(proven) - len(late),
    "share": round((len(proven) - len(late)) / max(1, len(proven)), 4),
    "over5Percent": sum(1 for x in late if x[3] > 5),
    "notOptimal": late,
}, indent=1))
