#!/usr/bin/env python3
"""Mutated copies of the sample files, for `analysis-bench digest` before and after a change:
six per XLIFF/TMX/PO sample of Tests/Fixtures (the OASIS invalid folders left out), in turn
truncated, one byte changed, or markup or an entity inserted, at a seeded random place.

    python3 mutate.py [OUT]        # default OUT: work/mutants
"""
import glob, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "Fixtures")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "work", "mutants")
INSERTS = [b'<x/>', b'</unit>', b'&bad;', b'<mrk id="z">', b'<ph id="q"/>', b'<sc id="9"/>', b'<segment>',
           b'<!-- c -->', b'&amp;', b'<', b'"', b'<pc id="1">', b'<note id="n">x</note>', b'<target>t</target>']

rng = random.Random(7)
os.makedirs(OUT, exist_ok=True)
os.chdir(FIXTURES)
files = [f for f in glob.glob("**/*", recursive=True)
         if f.endswith((".xlf", ".tmx", ".sdlxliff", ".po")) and "/invalid/" not in f]
count = 0
for f in sorted(files):
    data = open(f, "rb").read()
    for k in range(6):
        m = bytearray(data)
        if k % 3 == 0:
            m = m[:rng.randrange(len(m))]
        elif k % 3 == 1:
            i = rng.randrange(len(m)); m[i] = rng.choice(b'<>&"x /=')
        else:
            i = rng.randrange(len(m)); m = m[:i] + rng.choice(INSERTS) + m[i:]
        with open(os.path.join(OUT, "%s.%d%s" % (f.replace("/", "_"), k, os.path.splitext(f)[1])), "wb") as out:
            out.write(bytes(m))
        count += 1
print(count, "mutated copies in", OUT)
