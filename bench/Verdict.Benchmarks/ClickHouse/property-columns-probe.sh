#!/usr/bin/env bash
# Would typed property columns (p{n}, p{n}_num, as DuckDB and PostgreSQL have) speed up the analysis on ClickHouse?
# Copies the 10 M-event benchmark database (verdict_bench, loaded by ClickHouseBenchmarks) on every shard into
# verdict_probe with four extra columns per property the benchmark brief reads, filled by the same lookup the analysis
# uses, then times the per-unit property aggregates three ways on the same rows: read through the Nested lookup (what
# the analysis does), read from the typed columns, and no property at all (the floor). Loopback only; bounded.
# Usage: bench/Verdict.Benchmarks/ClickHouse/property-columns-probe.sh [http://127.0.0.1:58123 http://127.0.0.1:58124]
set -euo pipefail
shards=("$@")
[ ${#shards[@]} -gt 0 ] || shards=(http://127.0.0.1:58123 http://127.0.0.1:58124)
q() { curl -sS --fail-with-body --max-time 900 "$1/?database=default" --data-binary "$2"; }
lookup() { echo "if(has(properties.key, '$1'), properties.value[indexOf(properties.key, '$1')], NULL)"; }
num() { echo "if(isFinite(toFloat64OrNull($1)), toFloat64OrNull($1), NULL)"; }
columns=""; fill=""
for i in 1 2 3 4; do
  key=$(echo "grounded latency_ms cost_usd tokens" | cut -d' ' -f$i)
  columns+=", p$i Nullable(String), p${i}_num Nullable(Float64)"
  fill+=", $(lookup "$key"), $(num "$(lookup "$key")")"
done
for s in "${shards[@]}"; do
  q "$s" "DROP DATABASE IF EXISTS verdict_probe"
  q "$s" "CREATE DATABASE verdict_probe"
  q "$s" "CREATE TABLE verdict_probe.events_local (idempotency_key String, name String, unit_id String, ts Int64, value Nullable(Float64), properties Nested(key String, value String)$columns) ENGINE = ReplacingMergeTree() ORDER BY (unit_id, idempotency_key)"
  q "$s" "INSERT INTO verdict_probe.events_local SELECT idempotency_key, name, unit_id, ts, value, properties.key, properties.value$fill FROM verdict_bench.events_local"
  q "$s" "OPTIMIZE TABLE verdict_probe.events_local FINAL"
  q "$s" "CREATE TABLE verdict_probe.events AS verdict_probe.events_local ENGINE = Distributed(verdict, verdict_probe, events_local, cityHash64(unit_id))"
done
names="name IN ('answer_generated', 'grounding_audit')"
nested="SELECT count(), sum(a), sum(b), sum(d), sum(e) FROM (
  WITH $(lookup grounded) AS g, $(num "$(lookup latency_ms)") AS l, $(num "$(lookup cost_usd)") AS c, $(num "$(lookup tokens)") AS t
  SELECT unit_id, max(name = 'grounding_audit' AND g = 'false') AS a, avgIf(l, name = 'answer_generated' AND isNotNull(l)) AS b, sumIf(c, name = 'answer_generated' AND isNotNull(c)) AS d, avgIf(t, name = 'answer_generated' AND isNotNull(t)) AS e FROM verdict_probe.events FINAL WHERE $names GROUP BY unit_id)"
typed="SELECT count(), sum(a), sum(b), sum(d), sum(e) FROM (SELECT unit_id, max(name = 'grounding_audit' AND p1 = 'false') AS a, avgIf(p2_num, name = 'answer_generated' AND isNotNull(p2_num)) AS b, sumIf(p3_num, name = 'answer_generated' AND isNotNull(p3_num)) AS d, avgIf(p4_num, name = 'answer_generated' AND isNotNull(p4_num)) AS e FROM verdict_probe.events FINAL WHERE $names GROUP BY unit_id)"
floor="SELECT count(), sum(a) FROM (SELECT unit_id, count() AS a FROM verdict_probe.events FINAL WHERE $names GROUP BY unit_id)"
for round in 1 2 3; do
  for pair in "nested:$nested" "typed:$typed" "floor:$floor"; do
    label=${pair%%:*}; sql=${pair#*:}
    start=$(date +%s.%N)
    result=$(q "${shards[0]}" "$sql" | tr '\t' ' ')
    echo "round $round $label $(echo "$(date +%s.%N) - $start" | bc) s -> $result"
  done
done
for s in "${shards[@]}"; do
  q "$s" "SELECT 'on disk', name, formatReadableSize(sum(data_compressed_bytes)) FROM system.columns WHERE database = 'verdict_probe' AND table = 'events_local' AND (name LIKE 'p%' OR name LIKE 'properties%') GROUP BY name ORDER BY name FORMAT TSV"
done
