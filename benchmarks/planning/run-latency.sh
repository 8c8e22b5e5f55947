#!/usr/bin/env bash
# Feasibility-check latency on a synthetic LSP: 10,000 vendors, 50 language pairs, 100,000 booked jobs.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release
.build/release/PlanningBench latency "${1:-10000}" "${2:-100000}" "${3:-1000}"
