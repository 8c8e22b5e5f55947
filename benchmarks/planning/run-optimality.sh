#!/usr/bin/env bash
# Optimality of TandemPlanning against OR-tools CP-SAT on 200 small instances.
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q ortools; }
swift build -c release
.build/release/PlanningBench export out "${1:-200}" "${2:-2027}"
.venv/bin/python optimality.py out/instances.json "${3:-20}"
