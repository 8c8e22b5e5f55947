#!/usr/bin/env python3
"""Peer: translate-toolkit's TM matcher (translate.search.match, Levenshtein through RapidFuzz)
scoring the same segments against the same TMX. Usage: ttk_match.py TM.tmx QUERIES.jsonl OUT.tsv"""
import json, re, sys, time
from translate.search import match
from translate.storage import tmx

tm_path, queries_path, out_path = sys.argv[1:4]
t0 = time.perf_counter()
with open(tm_path, "rb") as f:
    store = tmx.tmxfile(f, sourcelanguage="en", targetlanguage="fr")
matcher = match.matcher(store, max_candidates=1, min_similarity=50, max_length=2000)
matcher.addpercentage = True
t1 = time.perf_counter()
queries = [json.loads(line) for line in open(queries_path, encoding="utf-8")]
rows = []
for q in queries:
    units = matcher.matches(q["source"])
    score = 0
    if units:
        m = re.search(r"([0-9.]+)%", units[0].getnotes())
        score = int(float(m.group(1))) if m else 0
    rows.append((q["id"], score))
t2 = time.perf_counter()
with open(out_path, "w", encoding="utf-8") as f:
    f.write("id\tscore\n")
    for i, s in rows:
        f.write(f"{i}\t{s}\n")
print(f"ttk\tload+index {len(store.units)} units\t{t1 - t0:.3f} s\tmatch {len(queries)} segments\t{t2 - t1:.3f} s\ttotal\t{t2 - t0:.3f} s")
