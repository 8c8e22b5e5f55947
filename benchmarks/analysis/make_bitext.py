#!/usr/bin/env python3
"""Build English→French bitext for the analysis benchmarks from the gettext catalogues Debian
installs under /usr/share/locale/fr*/LC_MESSAGES/*.mo (read with Python's own .mo reader).

Writes into work/:
  tm-20k.tmx, query-2k.xlf, query-2k.jsonl            the 2,000 × 20,000 run
  tm-1m.tmx, query-200k.xlf                           the 200,000 × 1,000,000 scale run
Queries mix exact TM sources, controlled edits of TM sources (word deleted, inserted, replaced,
numbers changed, case changed, punctuation changed) and strings the TM has not seen.
"""
import gettext, glob, json, os, random, re, sys
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "work")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

def catalogue_pairs():
    pairs = {}
    for path in sorted(glob.glob("/usr/share/locale/fr*/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except Exception as e:  # a broken catalogue is skipped, not fatal
            print(f"skip {path}: {e}", file=sys.stderr)
            continue
        for key, value in catalog.items():
            if isinstance(key, tuple):
                key = key[0]
            if not key or not value or "\x04" in key and key.split("\x04", 1)[1] == "":
                continue
            if "\x04" in key:
                key = key.split("\x04", 1)[1]
            if CONTROL.search(key) or CONTROL.search(value) or len(key) > 400 or not re.search(r"[A-Za-z]", key):
                continue
            pairs.setdefault(key.strip(), value.strip())
    return [(k, v) for k, v in sorted(pairs.items()) if k]

def edit(text, rng, vocabulary):
    words = text.split(" ")
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        op = rng.choice(["delete", "insert", "replace", "number", "case", "punct"])
        i = rng.randrange(len(words))
        if op == "delete" and len(words) > 1:
            del words[i]
        elif op == "insert":
            words.insert(i, rng.choice(vocabulary))
        elif op == "replace":
            words[i] = rng.choice(vocabulary)
        elif op == "number":
            words.insert(i, str(rng.randrange(2, 999)))
        elif op == "case":
            words[i] = words[i].upper() if words[i].islower() else words[i].lower()
        else:
            words[-1] = words[-1].rstrip(".!?:") if words[-1][-1:] in ".!?:" else words[-1] + "."
    return " ".join(w for w in words if w) or text

def write_tmx(path, units):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="tandem-bench" creationtoolversion="1" '
                'segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>\n')
        for i, (s, t) in enumerate(units):
            f.write(f'<tu tuid="{i + 1}"><tuv xml:lang="en"><seg>{escape(s)}</seg></tuv><tuv xml:lang="fr"><seg>{escape(t)}</seg></tuv></tu>\n')
        f.write("</body></tmx>\n")

def write_xliff(path, sources):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                '<file original="bench" source-language="en" target-language="fr" datatype="plaintext"><body>\n')
        for i, s in enumerate(sources):
            f.write(f'<trans-unit id="{i + 1}"><source>{escape(s)}</source></trans-unit>\n')
        f.write("</body></file></xliff>\n")

def queries(rng, tm_sources, unseen, vocabulary, count):
    out = []
    for i in range(count):
        r = rng.random()
        if r < 0.3:
            out.append(rng.choice(tm_sources))
        elif r < 0.75 or not unseen:
            out.append(edit(rng.choice(tm_sources), rng, vocabulary))
        else:
            out.append(rng.choice(unseen))
    return out

def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(42)
    pairs = catalogue_pairs()
    rng.shuffle(pairs)
    vocabulary = sorted({w for s, _ in pairs for w in s.split() if w.isalpha()})
    print(f"{len(pairs)} unique English→French pairs from the French catalogues", file=sys.stderr)
    # 2k × 20k
    tm = pairs[:20000]
    unseen = [s for s, _ in pairs[20000:]]
    if len(unseen) < 600:  # small catalogue sets: unseen strings are shuffled words of real ones
        unseen = [" ".join(rng.sample(s.split(), len(s.split()))) for s, _ in pairs[:2000]]
    q = queries(rng, [s for s, _ in tm], unseen, vocabulary, 2000)
    write_tmx(os.path.join(OUT, "tm-20k.tmx"), tm)
    write_xliff(os.path.join(OUT, "query-2k.xlf"), q)
    with open(os.path.join(OUT, "query-2k.jsonl"), "w", encoding="utf-8") as f:
        for i, s in enumerate(q):
            f.write(json.dumps({"id": str(i + 1), "source": s}, ensure_ascii=False) + "\n")
    if "--small" in sys.argv:
        return
    # 200k × 1M: real pairs plus controlled edits of real strings.
    big = list(pairs)
    seen = {s for s, _ in big}
    while len(big) < 1_000_000:
        s, t = pairs[rng.randrange(len(pairs))]
        e = edit(s, rng, vocabulary)
        if e not in seen:
            seen.add(e)
            big.append((e, t))
    write_tmx(os.path.join(OUT, "tm-1m.tmx"), big)
    q = queries(rng, [s for s, _ in big], [" ".join(rng.sample(s.split(), len(s.split()))) for s, _ in pairs], vocabulary, 200_000)
    write_xliff(os.path.join(OUT, "query-200k.xlf"), q)

if __name__ == "__main__":
    main()
