#!/usr/bin/env bash
# Issue #16's target: every scorecard and dashboard page renders in at most 300 ms on the large
# set (about 1,000,000 projects, 5,000,000 promises and jobs, 100,000 opportunities), on SQLite
# and on PostgreSQL, release build.
#   builds `tandem` in release (scratch path .build-release) unless TANDEM_BIN is set, starts
#   `tandem serve --demo` on a throwaway database until the demo is seeded, stops it, runs
#   `tandem demo --scale large` (timed; its report says how long each part took), starts the
#   server again and times the pages signed in as the demo manager (goals_bench.py).
# Usage: benchmarks/goals/run-goals.sh [REQUESTS] [PORT]
#   PROJECTS=100000 …          a smaller goals set (default: the full 1,000,000 projects)
#   PGURL=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable …
#                              on PostgreSQL: creates a fresh database tandem_goals_bench there
#   KEEP=1 …                   keeps the data (SQLite file or PostgreSQL database) afterwards
#   TANDEM_BIN=.build/debug/tandem PROJECTS=2000 benchmarks/goals/run-goals.sh 3   checks the
#   harness itself on a debug build (its figures mean nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-20}
PORT=${2:-8076}
PROJECTS=${PROJECTS:-1000000}
TANDEM_BIN=${TANDEM_BIN:-}
if [ -z "$TANDEM_BIN" ]; then
  swift build -c release --scratch-path .build-release --product tandem 2>&1 | grep -E "error|Compiling tandem|Build complete" || true
  TANDEM_BIN=.build-release/release/tandem
fi
DATA=$(mktemp -d /tmp/tandem-goals-bench.XXXXXX)
unset DATABASE_URL
if [ -n "${PGURL:-}" ]; then
  DB=tandem_goals_bench
  psql "$PGURL" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  export DATABASE_URL="${PGURL%%/postgres\?*}/$DB?${PGURL#*\?}"
  echo "database: PostgreSQL ($DB)"
else
  echo "database: SQLite ($DATA/tandem.sqlite)"
fi
SERVER=
serve() {  # serve [--demo]: the scale set's people are no demo users, so the second start is without it
  TANDEM_DATA_DIR="$DATA" TANDEM_BCRYPT_COST=6 TANDEM_RESOURCES_DIR="$PWD/Resources" \
    "$TANDEM_BIN" serve "$@" --hostname 127.0.0.1 --port "$PORT" >>"$DATA/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 6000); do
    curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  echo "the server did not start; see $DATA/serve.log" >&2
  exit 1
}
cleanup() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
  if [ -z "${KEEP:-}" ]; then
    rm -rf "$DATA"
    [ -n "${PGURL:-}" ] && psql "$PGURL" -qc "DROP DATABASE IF EXISTS tandem_goals_bench" || true
  else
    echo "kept: $DATA ${DATABASE_URL:-}"
  fi
}
trap cleanup EXIT
serve --demo
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
echo "seeding the large set ($PROJECTS projects)…"
started=$(date +%s)
TANDEM_DATA_DIR="$DATA" "$TANDEM_BIN" demo --scale large --projects "$PROJECTS" 2>&1 | grep --line-buffered -v " info " | tee "$DATA/seed.log"
echo "seed wall time: $(( $(date +%s) - started )) s"
[ -z "${PGURL:-}" ] && echo "SQLite file: $(du -h "$DATA/tandem.sqlite" | cut -f1)"
started=$(date +%s)
serve
echo "server ready after $(( $(date +%s) - started )) s"
python3 benchmarks/goals/goals_bench.py "http://127.0.0.1:$PORT" "$REQUESTS" --json "$DATA/../goals-bench-$(date +%H%M%S).json"
