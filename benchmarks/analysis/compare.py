#!/usr/bin/env python3
"""Band agreement between Tandem and a peer, per segment: both scores mapped to Tandem's TM bands
(100, 95-99, 85-94, 75-84, 50-74, new; repetitions and context are not compared, since the peers
score every segment against the TM). Usage: compare.py SWIFT.tsv PEER.tsv"""
import sys

def band(score):
    s = int(score)
    return "100" if s >= 100 else "95-99" if s >= 95 else "85-94" if s >= 85 else "75-84" if s >= 75 else "50-74" if s >= 50 else "new"

def load(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            rows[parts[0]] = int(float(parts[1] or 0))
    return rows

ours, theirs = load(sys.argv[1]), load(sys.argv[2])
ids = [i for i in ours if i in theirs]
same = sum(band(ours[i]) == band(theirs[i]) for i in ids)
within5 = sum(abs(ours[i] - theirs[i]) <= 5 or (ours[i] < 50 and theirs[i] < 50) for i in ids)
print(f"segments {len(ids)}\tsame band {same} ({100 * same / len(ids):.1f}%)\tscores within 5 points {100 * within5 / len(ids):.1f}%")
