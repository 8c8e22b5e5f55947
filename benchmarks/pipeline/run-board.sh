#!/usr/bin/env bash
# The pipeline board with the demo's 120 opportunities, on the release build:
#   builds `tandem` in release (scratch path .build-release), starts `tandem serve --demo` on a
#   throwaway SQLite database, and times GET /opportunities (board_bench.py). Target: < 100 ms.
# Usage: benchmarks/pipeline/run-board.sh [REQUESTS] [PORT]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-200}
PORT=${2:-8079}
swift build -c release --scratch-path .build-release --product tandem 2>&1 | grep -E "error|Compiling tandem|Build complete" || true
DATA=$(mktemp -d /tmp/tandem-board-bench.XXXXXX)
TANDEM_DATA_DIR="$DATA" TANDEM_BCRYPT_COST=6 TANDEM_RESOURCES_DIR="$PWD/Resources" \
  .build-release/release/tandem serve --demo --hostname 127.0.0.1 --port "$PORT" >"$DATA/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.2; done
python3 benchmarks/pipeline/board_bench.py "http://127.0.0.1:$PORT" "$REQUESTS"
