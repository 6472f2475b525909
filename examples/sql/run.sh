#!/usr/bin/env bash
# Runs examples/sql/cross-order.mjs on PGlite, then on a throwaway PostgreSQL server: installed
# from the distribution's packages when missing, initialised in a temporary directory on a free
# port, started as the postgres user, stopped and removed on exit. Needs the built package
# (npm run build). ORDERS and RINGS size the run (default 100000 orders, 20 rings).
set -euo pipefail
cd "$(dirname "$0")"

echo "== examples/sql: npm ci"
npm ci --no-audit --no-fund

echo "== examples/sql on PGlite"
node cross-order.mjs

# A server's bin folder (initdb in it): a machine may have only the client (psql) installed.
pg_bin() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 | xargs -r dirname; }
if [ -z "$(pg_bin)" ]; then
  echo "== installing PostgreSQL from the distribution"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
fi
BIN="$(pg_bin)"
PORT="${EXAMPLE_PG_PORT:-55432}"
DIR="$(mktemp -d)"
# As root, the server runs as the postgres user (PostgreSQL refuses root); otherwise as ourselves.
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

echo "== a throwaway PostgreSQL server ($BIN) on port $PORT"
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --no-sync >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start

echo "== examples/sql on PostgreSQL"
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres" node cross-order.mjs
