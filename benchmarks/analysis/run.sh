#!/usr/bin/env bash
# Reproduces the figures of the analysis section of BENCHMARKS.md. Run from anywhere:
#   benchmarks/analysis/run.sh            # bitext, Swift 2k×20k, peers, parse speed
#   benchmarks/analysis/run.sh --scale    # … plus the 200k × 1M scale run (≈ 180 MB TMX)
# Needs: swift, python3 (venv + PyPI for translate-toolkit and rapidfuzz), optional OmegaT 3.6
# (`apt-get install omegat`, which brings a JDK) for the OmegaT peer.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p work
[ -f work/tm-1m.tmx ] || [ -f work/tm-20k.tmx -a "${1:-}" != "--scale" ] || python3 make_bitext.py $([ "${1:-}" = "--scale" ] || echo --small)
swift build -c release --product analysis-bench >/dev/null
BENCH=.build/release/analysis-bench
echo "## Swift (TandemAnalysis), 2,000 segments × 20,000 TM units, 3 runs"
for i in 1 2 3; do /usr/bin/time -f "wall %e s  max RSS %M KB" $BENCH analyze --tm work/tm-20k.tmx --scores work/swift-2k.tsv work/query-2k.xlf 2>&1 | grep -E "total|wall"; done
echo "## translate-toolkit + RapidFuzz"
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q translate-toolkit rapidfuzz; }
.venv/bin/python -c "import translate.__version__ as v, rapidfuzz; print('translate-toolkit', v.sver, 'rapidfuzz', rapidfuzz.__version__)"
/usr/bin/time -f "wall %e s  max RSS %M KB" .venv/bin/python peers/ttk_match.py work/tm-20k.tmx work/query-2k.jsonl work/ttk-2k.tsv
python3 compare.py work/swift-2k.tsv work/ttk-2k.tsv
echo "## OmegaT match statistics (headless)"
if [ -f /usr/share/omegat/OmegaT.jar ] && command -v javac >/dev/null; then
  javac -cp /usr/share/omegat/OmegaT.jar -d work peers/omegat/OmegaTMatchStats.java
  rm -rf work/omegat-2k && python3 peers/omegat/make_project.py work/query-2k.jsonl work/tm-20k.tmx work/omegat-2k
  WORKDIR="$PWD/work"; HOME="$WORKDIR/omegat-home" /usr/bin/time -f "wall %e s  max RSS %M KB" java -Djava.awt.headless=true -cp /usr/share/omegat/OmegaT.jar:work OmegaTMatchStats work/omegat-2k 2>&1 | grep -E "^row|^omegat|wall"
else
  echo "OmegaT not installed (apt-get install omegat)"
fi
echo "## Parse speed"
[ -f work/big.xlf ] || python3 - <<'PY'
src = open('work/query-2k.xlf', encoding='utf-8').read()
head, rest = src.split('<body>\n', 1); body, tail = rest.rsplit('</body>', 1)
with open('work/big.xlf', 'w', encoding='utf-8') as f:
    f.write(head + '<body>\n'); n = i = 0
    while n < 100_000_000:
        chunk = body.replace('trans-unit id="', 'trans-unit id="r%d-' % i); f.write(chunk); n += len(chunk.encode()); i += 1
    f.write('</body>' + tail)
PY
# memoQ: the Okapi memoQ sample (Tests/Fixtures) repeated to 20 MB, unit ids made unique.
[ -f work/memoq-20mb.xlf ] || python3 - <<'PY'
src = open('../../Tests/Fixtures/xliff12/okapi/MQ-12-Test01.xlf', encoding='utf-8').read()
head, rest = src.split('<body>\n', 1); body, tail = rest.rsplit('</body>', 1)
with open('work/memoq-20mb.xlf', 'w', encoding='utf-8') as f:
    f.write(head + '<body>\n'); n = i = 0
    while n < 20_000_000:
        chunk = body.replace('trans-unit id="', 'trans-unit id="r%d-' % i); f.write(chunk); n += len(chunk.encode()); i += 1
    f.write('</body>' + tail)
PY
# XLIFF 2: the 2k query units as XLIFF 2 units, one <file> per 2,000 units, to 20 MB.
[ -f work/big2.xlf ] || python3 - <<'PY'
import re
units = re.findall(r'<trans-unit id="([^"]+)"><source>(.*?)</source></trans-unit>', open('work/query-2k.xlf', encoding='utf-8').read())
with open('work/big2.xlf', 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">\n')
    n = k = 0
    while n < 20_000_000:
        f.write('<file id="f%d">\n' % k); k += 1
        for uid, s in units:
            line = '<unit id="u%s"><segment id="s1"><source>%s</source></segment></unit>\n' % (uid, s); f.write(line); n += len(line.encode())
        f.write('</file>\n')
    f.write('</xliff>\n')
PY
# XLIFF 2 as a CAT tool writes it: the memoQ sample's units (same text, same codes) with original
# data, sc/ec/ph codes, empty targets and memoQ's properties in the metadata module, to 20 MB.
[ -f work/memoq2-20mb.xlf ] || python3 - <<'PY'
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr
X = '{urn:oasis:names:tc:xliff:document:1.2}'
units = list(ET.parse('../../Tests/Fixtures/xliff12/okapi/MQ-12-Test01.xlf').getroot().iter(X + 'trans-unit'))
def unit(tu, uid):
    data, out = [], []
    src = tu.find(X + 'source')
    out.append(escape(src.text or ''))
    for e in src:
        name = e.tag[len(X):]
        data.append('<data id="d%d">%s</data>' % (len(data) + 1, escape(''.join(e.itertext()))))
        ref = 'd%d' % len(data)
        if name == 'bpt': out.append('<sc id="c%s" dataRef="%s"/>' % (e.get('id'), ref))
        elif name == 'ept': out.append('<ec startRef="c%s" dataRef="%s"/>' % (e.get('id'), ref))
        else: out.append('<ph id="p%s" dataRef="%s"/>' % (e.get('id'), ref))
        out.append(escape(e.tail or ''))
    meta = ''.join('<mda:meta type=%s>%s</mda:meta>' % (quoteattr(k.split('}')[1]), escape(v)) for k, v in tu.attrib.items() if k.startswith('{MQXliff}'))
    od = '<originalData>%s</originalData>' % ''.join(data) if data else ''
    return ('<unit id="%s"><mda:metadata><mda:metaGroup category="memoQ">%s</mda:metaGroup></mda:metadata>%s'
            '<segment id="s1" state="initial"><source>%s</source><target></target></segment></unit>\n') % (uid, meta, od, ''.join(out))
with open('work/memoq2-20mb.xlf', 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="fr">\n<file id="f1" original="main.html">\n')
    n = i = 0
    while n < 20_000_000:
        for tu in units:
            line = unit(tu, 'r%d-%s' % (i, tu.get('id'))); f.write(line); n += len(line.encode())
        i += 1
    f.write('</file>\n</xliff>\n')
PY
# The yardstick: libxml2's SAX parser alone (push parser in the same 1 MiB chunks, and pull
# parser), callbacks that do nothing.
cc -O2 peers/sax_floor.c $(xml2-config --cflags --libs) -o work/sax_floor
Q200=$([ -f work/query-200k.xlf ] && echo work/query-200k.xlf || true)  # made by --scale
for i in 1 2 3; do
  work/sax_floor work/big.xlf work/memoq-20mb.xlf $Q200 work/big2.xlf work/memoq2-20mb.xlf
  $BENCH parse --whole-units work/big.xlf work/memoq-20mb.xlf $Q200 work/big2.xlf work/memoq2-20mb.xlf work/tm-20k.tmx
  $BENCH parse work/big.xlf work/memoq-20mb.xlf $Q200   # with sentences of unsegmented units
done
if [ "${1:-}" = "--scale" ]; then
  echo "## Scale: 200,000 segments × 1,000,000 TM units"
  $BENCH parse work/tm-1m.tmx work/query-200k.xlf
  /usr/bin/time -f "wall %e s  user %U s  max RSS %M KB" $BENCH analyze --tm work/tm-1m.tmx work/query-200k.xlf
fi
