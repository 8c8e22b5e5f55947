#!/usr/bin/env python3
"""Compare TandemPlanning's earliest delivery with the optimum found by OR-tools CP-SAT.

Reads out/instances.json written by `PlanningBench export out 200 2027` (the same instances
and the engine's answers) and solves each instance as an hour-slot model:

- slot h is [start + h hours, start + h + 1 hours); a vendor may work in a slot if it lies
  wholly inside their local working hours (zoneinfo), not on an absent local day, and not
  in booked work; in a slot a vendor works on at most one step and does up to
  `wordsPerHour` words of it;
- each step's words are split over at most `maxVendorsPerStep` vendors; a step starts in the
  slot after the previous step of its target ends; a vendor who worked on a target's
  translation never revises that target (four-eyes);
- minimise the slot in which the last target is delivered.

Everything in the instances is on whole hours, so a CP-SAT plan is also a valid plan for the
engine's minute-exact model, which may additionally start a step mid-hour. The engine counts as
optimal when its delivery (minutes after the start) is no later than CP-SAT's optimum
(hours × 60); the gap is (engine − optimum) / optimum in elapsed time from the start. The
hour-rounded comparison (engine rounded up to the hour) is reported as well.
Usage: python3 optimality.py [out/instances.json] [seconds per instance]
"""
import json
import math
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

REVIEW = {"revision", "proofreading", "review", "editing", "qa"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def free_slots(vendor, start, horizon):
    """Hour slots (0..horizon-1) the vendor can work in."""
    zone = ZoneInfo(vendor["timeZone"])
    hours = vendor.get("workingHours") or [{"days": DAYS[:5], "from": "09:00", "to": "17:00"}]
    absent = set()
    for a in vendor.get("absences", []):
        d = datetime.fromisoformat(a["from"]).date()
        end = datetime.fromisoformat(a["to"]).date()
        while d <= end:
            absent.add(d)
            d += timedelta(days=1)
    booked = [(parse(b["from"]), parse(b["to"])) for b in vendor.get("booked", [])]
    slots = []
    for h in range(horizon):
        s = start + timedelta(hours=h)
        e = s + timedelta(hours=1)
        ls, le = s.astimezone(zone), (e - timedelta(minutes=1)).astimezone(zone)
        if ls.date() != le.date() or ls.date() in absent:
            continue
        day = DAYS[ls.weekday()]
        ok = False
        for p in hours:
            f = int(p["from"][:2]) * 60 + int(p["from"][3:])
            t = int(p["to"][:2]) * 60 + int(p["to"][3:])
            if day in p["days"] and f <= ls.hour * 60 + ls.minute and le.hour * 60 + le.minute + 1 <= t:
                ok = True
        if ok and not any(bs < e and s < be for bs, be in booked):
            slots.append(h)
    return slots


def capable(vendor, source, target, service):
    best = None
    for c in vendor.get("capabilities", []):
        if c["service"] != service or c["source"].split("-")[0] != source.split("-")[0]:
            continue
        if c["target"] == target or target.startswith(c["target"] + "-"):
            best = max(best or 0, c["wordsPerHour"])
    return best


def solve(instance, seconds):
    f = instance["file"]
    req = f["request"]
    start = parse(req["start"])
    engine_minutes = instance["engine"]["minutes"]
    horizon = (math.ceil(engine_minutes / 60) if engine_minutes is not None else 14 * 24) + 48
    k = req.get("maxVendorsPerStep", 1)
    vendors = f["vendors"]
    slots = {v["id"]: free_slots(v, start, horizon) for v in vendors}

    m = cp_model.CpModel()
    busy = {}  # (vendor, slot) -> [bools]
    ends = []
    for ti, t in enumerate(req["targets"]):
        prev_end = None
        writers = {}
        for si, step in enumerate(t["steps"]):
            words = step["words"]
            end = m.NewIntVar(0, horizon, f"end_{ti}_{si}")
            used, amounts = [], []
            for v in vendors:
                rate = capable(v, t["source"], t["target"], step["service"])
                if not rate:
                    continue
                u = m.NewBoolVar("")
                w = m.NewIntVar(0, words, "")
                xs = []
                for h in slots[v["id"]]:
                    x = m.NewBoolVar("")
                    m.AddImplication(x, u)
                    m.Add(end >= h + 1).OnlyEnforceIf(x)
                    if prev_end is not None:
                        m.Add(prev_end <= h).OnlyEnforceIf(x)
                    busy.setdefault((v["id"], h), []).append(x)
                    xs.append(x)
                if not xs:
                    continue
                m.Add(w <= rate * sum(xs))
                m.Add(w <= words * u)
                used.append(u)
                amounts.append(w)
                if step["service"] in REVIEW:
                    if v["id"] in writers:
                        m.Add(u + writers[v["id"]] <= 1)
                else:
                    writers[v["id"]] = u  # one writing step per target in these instances
            if not amounts:
                return "INFEASIBLE", None, 0.0
            m.Add(sum(amounts) == words)
            m.Add(sum(used) <= k)
            prev_end = end
        ends.append(prev_end)
    for xs in busy.values():
        if len(xs) > 1:
            m.AddAtMostOne(xs)
    makespan = m.NewIntVar(0, horizon, "makespan")
    m.AddMaxEquality(makespan, ends)
    m.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    t0 = time.time()
    status = solver.Solve(m)
    elapsed = time.time() - t0
    name = solver.StatusName(status)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return name, int(solver.Value(makespan)), elapsed
    return name, None, elapsed


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "out/instances.json"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    instances = json.load(open(path))["instances"]
    rows = []
    for inst in instances:
        status, opt, elapsed = solve(inst, seconds)
        em = inst["engine"]["minutes"]
        engine_hours = math.ceil(em / 60) if em is not None else None
        rows.append({"id": inst["id"], "vendors": len(inst["file"]["vendors"]), "targets": len(inst["file"]["request"]["targets"]),
                     "engineMinutes": em, "engineHours": engine_hours, "cpsatHours": opt, "status": status, "seconds": round(elapsed, 2)})
        print(f"#{inst['id']:3d} vendors {rows[-1]['vendors']:2d} targets {rows[-1]['targets']} engine {engine_hours} h cp-sat {opt} h ({status}, {elapsed:.1f} s)", flush=True)
    proven = [r for r in rows if r["status"] == "OPTIMAL" and r["engineHours"] is not None]
    both_infeasible = [r for r in rows if r["engineHours"] is None and r["cpsatHours"] is None and r["status"] == "INFEASIBLE"]
    engine_missed = [r for r in rows if r["engineHours"] is None and r["cpsatHours"] is not None]
    optimal = [r for r in proven if r["engineMinutes"] <= 60 * r["cpsatHours"]]
    optimal_hours = [r for r in proven if r["engineHours"] <= r["cpsatHours"]]
    gaps = [(r["engineMinutes"] - 60 * r["cpsatHours"]) / max(1, 60 * r["cpsatHours"]) for r in proven]
    summary = {
        "instances": len(rows),
        "comparedWithProvenOptimum": len(proven),
        "engineOptimal": len(optimal),
        "engineOptimalShare": round(len(optimal) / max(1, len(proven)), 4),
        "engineOptimalRoundedToHours": len(optimal_hours),
        "engineFasterThanHourModel": sum(1 for r in proven if r["engineMinutes"] < 60 * r["cpsatHours"]),
        "worstGapPercent": round(100 * max(gaps + [0]), 2),
        "over5Percent": sum(1 for g in gaps if g > 0.05),
        "bothInfeasible": len(both_infeasible),
        "engineFoundNoPlanButCpSatDid": len(engine_missed),
        "cpSatNotProven": len([r for r in rows if r["status"] not in ("OPTIMAL", "INFEASIBLE")]),
        "notOptimal": [dict(r, gapPercent=round(100 * (r["engineMinutes"] - 60 * r["cpsatHours"]) / (60 * r["cpsatHours"]), 2))
                       for r in proven if r["engineMinutes"] > 60 * r["cpsatHours"]],
    }
    stem = path.rsplit("/", 1)[-1].replace("instances.json", "optimality.json")
    json.dump({"summary": summary, "rows": rows}, open("out/" + stem, "w"), indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
