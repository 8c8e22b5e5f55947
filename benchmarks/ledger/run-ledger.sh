#!/usr/bin/env bash
# The /ledger page with 10,000 promises, on the release build (issue #14's target: < 200 ms):
#   builds `tandem` in release (scratch path .build-release), starts `tandem serve --demo` on a
#   throwaway SQLite database, waits for the demo (about 800 promises from demo.v2.ledger), stops
#   it, copies promises in SQL until there are 10,000 (ledger_seed.py), starts it again and times
#   GET /ledger signed in as the demo manager (ledger_bench.py): the first page, a status filter
#   and a client filter, each with its totals.
# Usage: benchmarks/ledger/run-ledger.sh [REQUESTS] [PORT]
#   TANDEM_BIN=.build/debug/tandem benchmarks/ledger/run-ledger.sh 5   checks the harness itself on
#   a debug build (no release build; its figures mean nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-100}
PORT=${2:-8078}
TANDEM_BIN=${TANDEM_BIN:-}
if [ -z "$TANDEM_BIN" ]; then
  swift build -c release --scratch-path .build-release --product tandem 2>&1 | grep -E "error|Compiling tandem|Build complete" || true
  TANDEM_BIN=.build-release/release/tandem
fi
DATA=$(mktemp -d /tmp/tandem-ledger-bench.XXXXXX)
serve() {
  TANDEM_DATA_DIR="$DATA" TANDEM_BCRYPT_COST=6 TANDEM_RESOURCES_DIR="$PWD/Resources" \
    "$TANDEM_BIN" serve --demo --hostname 127.0.0.1 --port "$PORT" >>"$DATA/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 900); do curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the server did not start; see $DATA/serve.log" >&2
  exit 1
}
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
serve
kill $SERVER; wait $SERVER 2>/dev/null || true
python3 benchmarks/ledger/ledger_seed.py "$DATA/tandem.sqlite" 10000
serve
python3 benchmarks/ledger/ledger_bench.py "http://127.0.0.1:$PORT" "$REQUESTS"
