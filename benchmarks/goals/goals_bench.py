#!/usr/bin/env python3
"""Times every scorecard and dashboard page of issue #16 on a running server (warm, one request
after another), signed in as the demo manager: the scorecard list per subject (rep, pm, client,
pair, team) for the default period (this quarter) and last year, one subject's scorecard (with
its trend) per subject, a drill-down, the scorecard API, the incentive simulator (API) and the
plan comparison with its alignment report (page), where to sell (page and API), the parity
dashboard (page and API), client fit (account page with its fit card, API) and the manager's home
page. Prints median, p95 and max wall time per page and the mean CPU time per request of the server
(and of PostgreSQL's backends), read from /proc: on a shared machine wall time includes waiting
for a core. A page under a second is requested once to warm up, then N times; a slower one only
once (that request is its figure, n=1); one over GOALS_TIMEOUT (120 s) is reported as such.
Target: at most 300 ms.
Usage: goals_bench.py BASE_URL [N] [--json FILE] [--only REGEX]   (standard library only; --only
keeps the pages whose label matches)."""
import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

flags = {"--json", "--only"}
args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and sys.argv[i - 1] not in flags]
base = args[0].rstrip("/")
runs = int(args[1]) if len(args) > 1 else 20
out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
only = re.compile(sys.argv[sys.argv.index("--only") + 1]) if "--only" in sys.argv else None
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
token = None
TIMEOUT = int(os.environ.get("GOALS_TIMEOUT", "120"))


def server_pid():
    """The `tandem serve` listening on the URL's port (its CPU time is read from /proc), or None."""
    port = urllib.parse.urlparse(base).port
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if b"serve" in argv and str(port).encode() in argv:
            return entry
    return None


def cpu_ms(pid):
    """CPU time (user + system, ms, 10 ms ticks) so far of the server and of the PostgreSQL
    backends of the benchmark's database (GOALS_PG_DB, default tandem_goals_bench) and parallel
    workers: on PostgreSQL the queries run there."""
    if pid is None:
        return 0.0
    pids = [pid]
    database = os.environ.get("GOALS_PG_DB", "tandem_goals_bench").encode()
    with open(f"/proc/{pid}/environ", "rb") as f:
        on_postgres = any(v.startswith(b"DATABASE_URL=") and database in v for v in f.read().split(b"\0"))
    for entry in os.listdir("/proc") if on_postgres else []:
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                line = f.read()
        except OSError:
            continue
        if line.startswith(b"postgres: ") and (database in line or b"parallel worker" in line):
            pids.append(entry)
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total * 1000 / os.sysconf("SC_CLK_TCK")


def request(path, body=None, api=False):
    headers = {"Authorization": f"Bearer {token}"} if api else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode() if api else urllib.parse.urlencode(body).encode()
        headers["Content-Type"] = "application/json" if api else "application/x-www-form-urlencoded"
    req = urllib.request.Request(base + path, data=data, headers=headers)
    with opener.open(req, timeout=TIMEOUT) as response:
        return response.read().decode()


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


request("/login", {"_csrf": csrf(request("/login")), "email": "manager@lumen.example",
                   "password": "demo-password"})
tokens = request("/settings/profile/tokens")
created = request("/settings/profile/tokens", {"_csrf": csrf(tokens), "name": "goals-bench"})
token = re.search(r"tdm_[A-Za-z0-9]{40}", created).group(0)

# The subject to open per kind: the one with the most promises made this quarter.
pages = []
first_ids = {}
for subject in ("rep", "pm", "client", "pair", "team"):
    api = json.loads(request(f"/api/v1/scorecards/{subject}", api=True))
    busiest = max(api["items"], key=lambda item: item["metrics"].get("promisesMade") or 0)
    first_ids[subject] = busiest["subjectId"]
plans = json.loads(request("/api/v1/incentive-plans", api=True))["items"]
plan_ids = [p["id"] for p in plans[:2]]
accounts = re.findall(r'href="/accounts/([0-9a-fA-F-]{36})"', request("/accounts"))
scale_account = "00000000-0000-0016-0002-000000000000"

for subject in ("rep", "pm", "client", "pair", "team"):
    quoted = urllib.parse.quote(first_ids[subject], safe="")
    pages += [
        (f"list {subject}, this quarter", f"/scorecards?subject={subject}", None, False),
        (f"list {subject}, last year", f"/scorecards?subject={subject}&period=last-year", None, False),
        (f"one {subject}, this quarter", f"/scorecards/{subject}/{quoted}", None, False),
        (f"API {subject}, this quarter", f"/api/v1/scorecards/{subject}", None, True),
    ]
pages += [("one team, last year (trend: 4 years)", "/scorecards/team/all?period=last-year", None, False),
          ("API team, last year", "/api/v1/scorecards/team?period=last-year", None, True)]
rep = urllib.parse.quote(first_ids["rep"], safe="")
pages += [
    ("drill-down rep, made, last quarter",
     f"/scorecards/rep/{rep}/records?metric=promisesMade&period=last-quarter", None, False),
    ("CSV export rep, last year", "/scorecards/export?subject=rep&period=last-year", None, False),
    ("simulate API, last quarter", "/api/v1/incentive-plans/simulate",
     {"planIds": plan_ids, "period": "last-quarter"}, True),
    ("simulate API, last year", "/api/v1/incentive-plans/simulate",
     {"planIds": plan_ids, "period": "last-year"}, True),
    ("compare plans + alignment, last quarter",
     f"/scorecards/simulate?planA={plan_ids[0]}&planB={plan_ids[-1]}&period=last-quarter", None, False),
    ("where to sell", "/where-to-sell", None, False),
    ("where to sell API", "/api/v1/where-to-sell", None, True),
    ("parity, 6 months", "/parity", None, False),
    ("parity, 24 months", "/parity?months=24", None, False),
    ("parity API, 12 months", "/api/v1/parity?months=12", None, True),
    ("fit: demo account page", f"/accounts/{accounts[0]}", None, False),
    ("fit API: demo account", f"/api/v1/fit/accounts/{accounts[0]}", None, True),
    ("fit: scale account page", f"/accounts/{scale_account}", None, False),
    ("fit API: scale account", f"/api/v1/fit/accounts/{scale_account}", None, True),
    ("manager's home", "/", None, False),
]

results = []
pid = server_pid()
print(f"{'page':<40} {'median':>8} {'p95':>8} {'max':>8} {'cpu':>8}   (ms, wall per request, warm; cpu: the "
      f"server's CPU time per request, mean; load average {os.getloadavg()[0]:.1f})")
for label, path, body, api in pages:
    if only and not only.search(label):
        continue
    cpu_before = cpu_ms(pid)
    try:
        started = time.perf_counter()
        request(path, body, api)
        first = (time.perf_counter() - started) * 1000
    except urllib.error.HTTPError as error:
        print(f"{label:<40} HTTP {error.code} on {path}", flush=True)
        continue
    except (TimeoutError, urllib.error.URLError):
        print(f"{label:<40} over {TIMEOUT} s (timed out; the server finishes it in the background)", flush=True)
        results.append({"page": label, "path": path, "n": 0, "timeout": TIMEOUT})
        if out:
            with open(out, "w") as f:
                json.dump(results, f, indent=1)
        continue
    times = [first]
    if first < 1000:  # fast enough to repeat: the first request warms, N more are timed
        times, cpu_before = [], cpu_ms(pid)
        for _ in range(runs):
            started = time.perf_counter()
            request(path, body, api)
            times.append((time.perf_counter() - started) * 1000)
    cpu = (cpu_ms(pid) - cpu_before) / len(times)
    times.sort()
    p95 = times[max(0, int(round(len(times) * 0.95)) - 1)]
    row = {"page": label, "path": path, "n": len(times), "median": round(statistics.median(times), 1),
           "p95": round(p95, 1), "max": round(times[-1], 1), "cpu": round(cpu, 1)}
    results.append(row)
    flag = "" if row["max"] <= 300 else "  over 300 ms"
    print(f"{label:<40} {row['median']:8.1f} {row['p95']:8.1f} {row['max']:8.1f} {cpu:8.0f}  n={len(times)}{flag}", flush=True)
    if out:  # after every page, so a stopped run keeps what it measured
        with open(out, "w") as f:
            json.dump(results, f, indent=1)
