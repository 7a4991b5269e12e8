#!/usr/bin/env bash
# The office hub's scale figures (issue 13) on a 40-rep, one-year dataset
# (`gen_large --hub`: 200 stores, 10,000 visits, 500,000 audit lines):
# `sync export --all` of it (one laptop bundle), `rounds hub ingest` of that
# bundle into a fresh hub, the same bundle again (nothing changes),
# `rounds hub bundle --all` for a terminal that gets everything and for one
# rep's laptop, and the dashboard query over rounds_bi.kpi_rep_day (psql
# \timing, several runs). Prints time and peak RSS (/usr/bin/time -v) of
# each command. The dataset is generated once into target/bench-data/hub;
# the bundles and a throwaway PostgreSQL cluster (initdb/pg_ctl into a temp
# dir, a free port, a unix socket dir; stopped on exit) go to temp folders.
# Usage: scripts/bench_hub.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${1:-$PWD/target/bench-data/hub}
WORK=$(mktemp -d)
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed: apt-get install -y time" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is needed: apt-get install -y postgresql" >&2; exit 1; }

# the cluster's tools run as `postgres` when we are root (initdb refuses root)
PGDIR=$(mktemp -d)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDIR"; fi
cleanup() {
  as_pg "$PGBIN/pg_ctl" stop -m immediate -D "$PGDIR/data" >/dev/null 2>&1 || true
  rm -rf "$WORK" "$PGDIR"
}
trap cleanup EXIT

cargo build --release --quiet --bin rounds --example gen_large
BIN=$PWD/target/release/rounds
target/release/examples/gen_large --hub "$DATA"

. scripts/measure.sh

export ROUNDS_TODAY=2026-11-24
export ROUNDS_CONFIG_DIR="$WORK/config"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir "$PGDIR/s"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDIR/s"; fi
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth-local=trust -E UTF8 --no-sync >"$PGDIR/initdb.log" 2>&1 \
  || { cat "$PGDIR/initdb.log" >&2; exit 1; }
# the server's defaults (fsync on, shared_buffers 128MB), only where it listens
as_pg "$PGBIN/pg_ctl" start -w -t 60 -D "$PGDIR/data" -l "$PGDIR/log" \
  -o "-c listen_addresses='' -c port=$PORT -c unix_socket_directories=$PGDIR/s" >/dev/null
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR/s" -p "$PORT" -U postgres)
"${PSQL[@]}" -d postgres -c 'CREATE DATABASE hub'
export ROUNDS_HUB_URL="host=$PGDIR/s port=$PORT user=postgres dbname=hub"
"$BIN" hub init >/dev/null

BUNDLE=$WORK/laptops.bundle
ROUNDS_DATA_DIR=$DATA measure "sync export --all (40 reps, a year)" "$BIN" sync export --all -o "$BUNDLE"
echo "bundle: $(du -h "$BUNDLE" | cut -f1)"
measure "hub ingest (fresh hub)" "$BIN" hub ingest "$BUNDLE"
RECORDS=$(grep -o '[0-9]* records from' "$WORK/out" | cut -d' ' -f1)
awk -v n="$RECORDS" -v s="$LAST_SECS" 'BEGIN { printf "ingest: %d changes in %.2f s = %.0f changes/s\n", n, s, n / s }'
measure "hub ingest again (nothing changes)" "$BIN" hub ingest "$BUNDLE"
"$BIN" hub device office --everything >/dev/null
"$BIN" hub device laptop-r001 --rep R001 >/dev/null
measure "hub bundle --all (a terminal: everything)" "$BIN" hub bundle --device office --all -o "$WORK/office.bundle"
echo "bundle: $(du -h "$WORK/office.bundle" | cut -f1)"
measure "hub bundle --all (rep R001's laptop)" "$BIN" hub bundle --device laptop-r001 --all -o "$WORK/r001.bundle"
"${PSQL[@]}" -d hub -c 'VACUUM ANALYZE'

# the supervisor's dashboard: per rep and week of the last year, visits and
# on-shelf %; and per rep over the year
cat >"$WORK/dash.sql" <<'SQL'
SELECT rep, date_trunc('week', day)::date AS week, sum(visits) AS visits,
       round(100.0 * sum(on_shelf) / nullif(sum(audit_lines), 0), 1) AS on_shelf_pct
FROM rounds_bi.kpi_rep_day
WHERE day > date '2026-11-24' - 365
GROUP BY rep, week ORDER BY rep, week;
SQL
cat >"$WORK/year.sql" <<'SQL'
SELECT rep, sum(visits) AS visits, sum(submitted) AS submitted,
       round(100.0 * sum(on_shelf) / nullif(sum(audit_lines), 0), 1) AS on_shelf_pct
FROM rounds_bi.kpi_rep_day
WHERE day > date '2026-11-24' - 365
GROUP BY rep ORDER BY rep;
SQL
# prints the rows the query returns and its times over 10 runs (psql \timing)
timed() {
  local label=$1 sql=$2 rows
  rows=$("${PSQL[@]}" -d hub -A -t -c "SELECT count(*) FROM ($(sed 's/;$//' "$sql")) q")
  { echo '\timing on'; echo '\o /dev/null'; for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$sql"; done; } \
    | "${PSQL[@]}" -d hub >"$WORK/timing"
  awk -v label="$label" -v rows="$rows" '/^Time:/ { t[++n] = $2 } END {
      printf "%-44s %5d rows  ms:", label, rows; for (i = 1; i <= n; i++) printf " %.1f", t[i]; printf "\n" }' "$WORK/timing"
}
timed "dashboard: rep x week, a year" "$WORK/dash.sql"
timed "dashboard: rep, a year" "$WORK/year.sql"
echo "EXPLAIN ANALYZE of the rep x week query:"
"${PSQL[@]}" -d hub -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$WORK/dash.sql")" | sed 's/^/  /'
"${PSQL[@]}" -d hub -A -t -c "SELECT 'kpi_visit rows: ' || count(*) || ', audit lines: ' || sum(audit_lines) FROM rounds_hub.kpi_visit"
