#!/usr/bin/env bash
# Starts a two-shard ClickHouse cluster on loopback for the tests and prints its Verdict store URI on stdout.
# Each shard is its own clickhouse-server with its own config, data directory and ports under $VERDICT_CH_DIR
# (default /tmp/verdict-ch); the cluster "verdict" (remote_servers) names both. Installs Debian's
# clickhouse-server when missing (as root). A cluster that already answers is reused. Stop it with stop.sh.
# Ports: HTTP $VERDICT_CH_PORT and +1 (default 58123, 58124); native TCP and interserver ports follow from them.
set -euo pipefail
base=${VERDICT_CH_PORT:-58123}
dir=${VERDICT_CH_DIR:-/tmp/verdict-ch}
server=$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)
if [ ! -x "$server" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "tests/clickhouse/start.sh: clickhouse-server is missing and not root; install it first" >&2
    exit 1
  fi
  echo "tests/clickhouse/start.sh: installing clickhouse-server" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clickhouse-server clickhouse-client >/dev/null
fi

http() { echo $((base + $1)); }          # shard i: HTTP port
tcp() { echo $((base + 900 + $1)); }     # shard i: native port (interserver queries)
ping_ok() { [ "$(curl -s --max-time 1 "http://127.0.0.1:$(http "$1")/ping" 2>/dev/null)" = "Ok." ]; }

for i in 0 1; do
  ping_ok "$i" && continue
  d="$dir/shard$i"
  rm -rf "$d"; mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
  cat > "$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http "$i")</http_port>
  <tcp_port>$(tcp "$i")</tcp_port>
  <interserver_http_port>$((base + 950 + i))</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <remote_servers>
    <verdict>
      <shard><replica><host>127.0.0.1</host><port>$(tcp 0)</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$(tcp 1)</port></replica></shard>
    </verdict>
  </remote_servers>
</yandex>
XML
  cat > "$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  "$server" --config-file="$d/config.xml" --pid-file="$d/server.pid" --daemon >/dev/null 2>&1 || true
done

for i in 0 1; do
  for _ in $(seq 1 100); do ping_ok "$i" && break; sleep 0.1; done
  if ! ping_ok "$i"; then
    echo "tests/clickhouse/start.sh: shard $i did not answer on 127.0.0.1:$(http "$i"); see $dir/shard$i/error.log" >&2
    exit 1
  fi
done
echo "clickhouse://127.0.0.1:$(http 0),127.0.0.1:$(http 1)/default?cluster=verdict"
