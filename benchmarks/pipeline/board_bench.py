#!/usr/bin/env python3
"""Times the pipeline board page (`GET /opportunities`) of a running `tandem serve --demo`.

Signs in as the demo admin (every opportunity visible), warms up, then requests the board N times
one after another and prints the wall time per request (median, p90, p99, max) and how many cards
the page held. Usage: board_bench.py BASE_URL [N]."""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

login = opener.open(base + "/login").read().decode()
csrf = re.search(r'name="_csrf" value="([^"]*)"', login).group(1)
form = urllib.parse.urlencode({"_csrf": csrf, "email": "admin@lumen.example", "password": "demo-password"}).encode()
opener.open(base + "/login", data=form).read()

def board():
    started = time.perf_counter()
    with opener.open(base + "/opportunities") as response:
        body = response.read()
        assert response.status == 200, response.status
    return time.perf_counter() - started, body

_, page = board()
cards = page.count(b'class="deal-card"')
assert cards > 0, "the board shows no cards: is the demo seeded?"
for _ in range(20):
    board()
times = sorted(board()[0] * 1000 for _ in range(count))
def pct(p):
    return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
print(f"board: {cards} cards, {len(page):,} bytes, {count} requests")
print(f"wall ms: median {statistics.median(times):.2f}, p90 {pct(90):.2f}, p99 {pct(99):.2f}, max {times[-1]:.2f}")
