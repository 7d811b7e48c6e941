#!/usr/bin/env bash
# Benchmark (not a test): GET /api/v1/device/, a keyset page and GET by id at 10,000 and 1,000,000 rows.
# For each size it loads a fresh database, starts the service with a heap far smaller than the
# 1M-row answer (about 128 MiB of JSON), streams the whole list once while sampling the heap, then
# times 200 random pages of 20 and 200 random GETs by id, one at a time. The list must be complete:
# a design that held it in memory would fail.
#   src/bench/list-scale.sh [--rows "10000 1000000"] [--heap 128m]
# Prints a table and writes it to target/bench/list-scale.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

rows_list="10000 1000000"
heap=128m
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows_list=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        *) echo "usage: $0 [--rows \"10000 1000000\"] [--heap 128m]" >&2; exit 2 ;;
    esac
done

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
export DB_NAME=devices_bench_list PGPASSWORD=$DB_PASSWORD
port=4010
base=http://localhost:$port/api/v1
out=target/bench
mkdir -p "$out"
psql_() { psql -qtA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }

[ -f target/devices.war ] && [ -f target/devices-server.jar ] || mvn -B -q package -DskipTests

server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=; }
trap stop EXIT

start() {
    # The launch definition (pom.xml), with the heap this experiment is about.
    java @payara-config/jvm.options -Xms"$heap" -Xmx"$heap" -jar target/devices-server.jar --port "$port" \
        --deploy target/devices.war > "$out/list-scale-server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "$base/health-check/db" && return 0
        sleep 0.5
    done
    echo "server did not start; see $out/list-scale-server.log" >&2
    exit 1
}

heap_used() { # bytes of heap in use, from MicroProfile Metrics
    curl -s "http://localhost:$port/metrics?scope=base" | awk '/^memory_usedHeap_bytes/ {printf "%d", $2}'
}

percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }

table="| rows | full list: seconds | full list: MiB | heap before (MiB) | heap peak while streaming (MiB) | live heap after, full GC (MiB) | page of 20: p50 ms | page of 20: p99 ms | GET by id: p50 ms | GET by id: p99 ms |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for rows in $rows_list; do
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME"
    start
    psql_ -d "$DB_NAME" -c "INSERT INTO device (name, version, created_at, updated_at)
        SELECT 'device-' || g, 1, now(), now() FROM generate_series(1, $rows) g" -c "ANALYZE device"
    curl -s -o /dev/null "$base/device/?limit=20"   # warm the path once

    before=$(heap_used)
    peak=$before
    curl -s -o "$out/list.json" -w '%{time_total}\n' "$base/device/" > "$out/list-time" &
    fetch=$!
    while kill -0 "$fetch" 2>/dev/null; do
        used=$(heap_used); [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
        sleep 0.2
    done
    wait "$fetch"
    jcmd "$server" GC.run > /dev/null
    live=$(heap_used)
    listed=$(grep -o '"id":' "$out/list.json" | wc -l)
    [ "$listed" -eq "$rows" ] || { echo "GET /device/ returned $listed devices, expected $rows" >&2; exit 1; }
    size=$(stat -c %s "$out/list.json")

    for _ in $(seq 1 200); do
        after=$(( (RANDOM * 32768 + RANDOM) % rows ))
        curl -s -o /dev/null -w '%{time_total}\n' "$base/device/?limit=20&after=$after"
    done > "$out/page-times"
    for _ in $(seq 1 200); do
        curl -s -o /dev/null -w '%{time_total}\n' "$base/device/$(( (RANDOM * 32768 + RANDOM) % rows + 1 ))"
    done > "$out/get-times"
    stop

    table+="
| $rows | $(cat "$out/list-time") | $((size / 1048576)) | $((before / 1048576)) | $((peak / 1048576)) | $((live / 1048576)) | $(percentile 50 < "$out/page-times") | $(percentile 99 < "$out/page-times") | $(percentile 50 < "$out/get-times") | $(percentile 99 < "$out/get-times") |"
done
rm -f "$out/list.json"
echo "GET /api/v1/device/ with -Xmx$heap (heap sampled every 0.2 s from /metrics):"
echo "$table" | tee "$out/list-scale.md"
