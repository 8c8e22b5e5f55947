#!/usr/bin/env python3
"""Times GET /ledger (HTML, warm) on a running server, signed in as the demo manager: the first
page, `?status=broken` and a client filter, each rendering 50 rows and the totals of the filter.
Prints median, p90 and max per page. Usage: ledger_bench.py BASE_URL [N]   (target: < 200 ms)."""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 100
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(base + path, timeout=60) as response:
        return response.read().decode()


login = get("/login")
csrf = re.search(r'name="_csrf" value="([^"]+)"', login).group(1)
body = urllib.parse.urlencode({"_csrf": csrf, "email": "manager@lumen.example", "password": "demo-password"})
opener.open(urllib.request.Request(base + "/login", data=body.encode()), timeout=60).read()
first = get("/ledger")
made = re.search(r'id="total-made".*?data-count="(\d+)"', first, re.S).group(1)
client = re.search(r'<select id="ledger-client" name="accountId">.*?<option value="([0-9a-f-]{36})"', first, re.S).group(1)
print(f"promises in the ledger: {made}")
for label, path in (("first page", "/ledger"), ("broken", "/ledger?status=broken"),
                    ("one client", f"/ledger?accountId={client}")):
    get(path)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        page = get(path)
        times.append((time.perf_counter() - started) * 1000)
    assert "ledger-table" in page or "empty-state" in page
    times.sort()
    print(f"{label:<11} median {statistics.median(times):6.1f} ms  p90 {times[int(len(times) * 0.9) - 1]:6.1f} ms  "
          f"max {times[-1]:6.1f} ms")
