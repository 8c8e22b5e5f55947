#!/usr/bin/env python3
"""Threads benchmark (issue #15) against a running `tandem serve --demo` (a release build).

1. A thread of 1,000 comments: signs in as the demo's PM, makes an API token, writes 1,000
   comments (Markdown, some with mentions) on the first demo account's thread through
   POST /api/v1/threads/account/{id}/comments, then times the thread's first page as a browser
   loads it (GET /threads/account/{id}, HTML, warm) and the API's first page, N times each;
   prints median, p90 and max. Target: the first page under 100 ms.
2. 200 live connections: reads the server's resident memory (RSS, from /proc/PID/status), opens
   200 server-sent-event streams (GET /notifications/stream) signed in as the demo's sales rep,
   waits until each has its first event, reads the RSS again; prints the difference.
   Target: under 100 MB.

Usage: threads_bench.py BASE_URL SERVER_PID [N]
(the server's PID: e.g. `pgrep -f 'tandem serve --demo'`). Every request goes to BASE_URL only,
the loops are bounded, and the streams are closed at the end."""
import http.cookiejar
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
pid = int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
PASSWORD = "demo-password"


def session(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]*)"', login).group(1)
    opener.open(base + "/login", data=urllib.parse.urlencode(
        {"_csrf": csrf, "email": email, "password": PASSWORD}).encode()).read()
    return opener, jar


def token(opener):
    page = opener.open(base + "/settings/profile/tokens").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    page = opener.open(base + "/settings/profile/tokens", data=urllib.parse.urlencode(
        {"_csrf": csrf, "name": "threads-bench"}).encode()).read().decode()
    return re.search(r"tdm_[A-Za-z0-9]{40}", page).group(0)


def api(secret, method, path, body=None):
    request = urllib.request.Request(base + "/api/v1" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + secret, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def timed(fn, n):
    fn()  # warm
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1]


def rss_kb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


pm, _ = session("paula.project@lumen.example")
secret = token(pm)
account = api(secret, "GET", "/accounts?limit=1")["items"][0]["id"]
path = f"/threads/account/{account}/comments"
have = 0
listing = api(secret, "GET", path + "?limit=200")
while True:
    have += len(listing["items"])
    if not listing["nextCursor"]:
        break
    listing = api(secret, "GET", path + "?limit=200&cursor=" + listing["nextCursor"])
start = time.perf_counter()
for n in range(have, 1000):
    text = f"Comment {n}: the **glossary** for batch {n % 40} is ready; see [the brief](/accounts/{account})."
    if n % 10 == 0:
        text += " @sofia.sales please confirm with the client."
    api(secret, "POST", path, {"body": text})
print(f"thread: {max(have, 1000)} comments on account {account} ({time.perf_counter() - start:.1f} s to write)")

page = lambda: pm.open(base + f"/threads/account/{account}").read()
median, p90, worst = timed(page, runs)
print(f"thread page (HTML, first 20 of 1,000): median {median:.1f} ms, p90 {p90:.1f} ms, max {worst:.1f} ms (target < 100 ms)")
first = lambda: api(secret, "GET", path + "?limit=50")
median, p90, worst = timed(first, runs)
print(f"API first page (50):                   median {median:.1f} ms, p90 {p90:.1f} ms, max {worst:.1f} ms")

_, jar = session("sofia.sales@lumen.example")
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
host = urllib.parse.urlparse(base)
before = rss_kb()
streams = []
for _ in range(200):
    connection = http.client.HTTPConnection(host.hostname, host.port or 80, timeout=30)
    connection.request("GET", "/notifications/stream", headers={"Cookie": cookie, "Accept": "text/event-stream"})
    response = connection.getresponse()
    assert response.status == 200, response.status
    first = response.readline()  # through the chunked decoding, not the raw socket
    assert first.startswith(b"retry:"), first
    streams.append((connection, response))
time.sleep(2)
after = rss_kb()
print(f"200 live connections: RSS {before / 1024:.1f} MB before, {after / 1024:.1f} MB after, "
      f"+{(after - before) / 1024:.1f} MB (target < 100 MB)")
for connection, _ in streams:
    connection.close()
