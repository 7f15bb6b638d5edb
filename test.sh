#!/usr/bin/env bash
# Runs every test. Installs and starts what the tests need (PostgreSQL on a loopback port with its own data
# directory, Chromium for the report tests) when it is missing, then runs `dotnet test` on the solution.
# Usage: ./test.sh [extra dotnet test arguments]; VERDICT_KEEP_PG=1 keeps a PostgreSQL it started running afterwards.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${need_apt[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "test.sh: missing ${need_apt[*]} and not root; install them first" >&2
    exit 1
  fi
fi

# PostgreSQL: a private cluster on a loopback port, owned by an unprivileged user when run as root.
# Services this run started are stopped at exit (one trap for all of them).
cleanup=()
trap 'for step in "${cleanup[@]}"; do eval "$step"; done' EXIT

pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
pg_port=${VERDICT_PG_PORT:-55432}
pg_dir=${VERDICT_PG_DIR:-/tmp/verdict-pg-$pg_port}
run_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
if ! run_pg "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q 2>/dev/null; then
  rm -rf "$pg_dir"; mkdir -p "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U verdict --auth=trust -E UTF8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
  # Stop the server this run started (not one that was already running) unless VERDICT_KEEP_PG=1.
  [ "${VERDICT_KEEP_PG:-0}" = 1 ] || cleanup+=('run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null || true')
fi
export VERDICT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=verdict;Database=postgres"
# The tests create a database each (verdict_test_…) and leave it. At exit, on a server that stays up, drop those no one
# is connected to and whose folder has not changed for 10 minutes (a concurrent run's databases are kept).
drop_stale_test_databases() {
  local sql="select datname from pg_database d where datname like 'verdict\_test\_%'
    and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)
    and (pg_stat_file('base/' || d.oid)).modification < now() - interval '10 minutes'"
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U verdict -d postgres -Atq -c "$sql" 2>/dev/null | while read -r db; do
    "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U verdict -d postgres -q -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
  done
}
cleanup=('drop_stale_test_databases || true' "${cleanup[@]}")
export VERDICT_TEST_CHROMIUM=$(command -v chromium)
export VERDICT_REQUIRE_SERVICES=1

# ClickHouse: a two-shard cluster on loopback (tests/clickhouse/start.sh); a cluster this run started is stopped at the
# end unless VERDICT_KEEP_SERVICES=1; one that was already answering is left running (stop.sh deletes its data).
ch_was_running=0
[ "$(curl -s --max-time 1 "http://127.0.0.1:${VERDICT_CH_PORT:-58123}/ping" 2>/dev/null || true)" = "Ok." ] && ch_was_running=1
clickhouse=$(tests/clickhouse/start.sh)
export VERDICT_TEST_CLICKHOUSE=$clickhouse
[ "${VERDICT_KEEP_SERVICES:-0}" = 1 ] || [ "$ch_was_running" = 1 ] || cleanup+=('tests/clickhouse/stop.sh || true')

# Each test project references only what it tests (docs/architecture.md, "Tests"); the composed pipelines are one project.
python3 tools/test-references.py
dotnet test --solution Verdict.slnx -c Release "$@"
