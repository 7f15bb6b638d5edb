#!/usr/bin/env bash
# Stops the shards tests/clickhouse/start.sh started (by the pid files in their directories) and removes their data.
set -uo pipefail
dir=${VERDICT_CH_DIR:-/tmp/verdict-ch}
for pidfile in "$dir"/shard*/server.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
done
rm -rf "$dir"
