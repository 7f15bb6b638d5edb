#!/usr/bin/env bash
# Makes a larger benchmark database inside ClickHouse from the 10 M simulated events (verdict_bench, loaded through
# Verdict by ClickHouseBenchmarks): COPIES copies of every exposure and event with the unit id and idempotency key
# suffixed "-r{k}", so each copy is a new population of units with the same behaviour. Every shard reads its own rows
# and inserts them through the Distributed table, which shards the new units by cityHash64(unit_id) as Verdict's
# loader would. The target is the database clickhouse-timed opens for that size (verdict_bench_{events}).
# Usage: [SOURCE=db] [TARGET=db] bench/Verdict.Benchmarks/ClickHouse/replicate-events.sh [copies=10] [shard HTTP URLs…]   (loopback; bounded)
set -euo pipefail
copies=${1:-10}
shift || true
shards=("$@")
[ ${#shards[@]} -gt 0 ] || shards=(http://127.0.0.1:58123 http://127.0.0.1:58124)
source=${SOURCE:-verdict_bench}
target=${TARGET:-verdict_bench_${copies}0000000}
q() { curl -sS --fail-with-body --max-time 3600 "$1/?database=default&insert_distributed_sync=1" --data-binary "$2"; }
for s in "${shards[@]}"; do
  q "$s" "CREATE DATABASE IF NOT EXISTS $target"
  for t in exposures events; do
    q "$s" "CREATE TABLE IF NOT EXISTS $target.${t}_local AS $source.${t}_local"
    q "$s" "CREATE TABLE IF NOT EXISTS $target.$t AS $source.${t}_local ENGINE = Distributed(verdict, $target, ${t}_local, cityHash64(unit_id))"
  done
done
if [ "$(q "${shards[0]}" "SELECT count() FROM $target.events")" != "0" ]; then
  echo "$target already holds events; nothing copied"; exit 0
fi
for s in "${shards[@]}"; do
  (
    q "$s" "INSERT INTO $target.exposures (experiment, version, unit_id, arm, ts, receipt_hash, attributes.key, attributes.value)
            SELECT experiment, version, concat(unit_id, '-r', toString(k)), arm, ts, receipt_hash, attributes.key, attributes.value
            FROM $source.exposures_local ARRAY JOIN range($copies) AS k"
    q "$s" "INSERT INTO $target.events (idempotency_key, name, unit_id, ts, value, properties.key, properties.value)
            SELECT concat(idempotency_key, '-r', toString(k)), name, concat(unit_id, '-r', toString(k)), ts, value, properties.key, properties.value
            FROM $source.events_local ARRAY JOIN range($copies) AS k"
    echo "$(date -u +%T) shard $s copied"
  ) &
done
wait
q "${shards[0]}" "SELECT 'events', count() FROM $target.events FINAL"
q "${shards[0]}" "SELECT 'exposures', count() FROM $target.exposures FINAL"
