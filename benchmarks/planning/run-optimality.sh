#!/usr/bin/env bash
# Optimality of TandemPlanning against OR-tools CP-SAT: 200 mixed small instances (seed 2027)
# and 100 multi-target instances whose steps compete for the same vendors (seed 2031).
# Usage: ./run-optimality.sh [count] [seed] [seconds] [multi-count] [multi-seed]
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q ortools; }
swift build -c release
.build/release/PlanningBench export out "${1:-200}" "${2:-2027}" mixed
.venv/bin/python optimality.py out/instances.json "${3:-20}"
.build/release/PlanningBench export out "${4:-100}" "${5:-2031}" multi
.venv/bin/python optimality.py out/multi-instances.json "${3:-20}"
