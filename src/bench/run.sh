#!/usr/bin/env bash
# Benchmark (not a test). Starts the service with its production settings (payara-config/jvm.options)
# against a fresh database, preloads devices, and drives it with wrk at 16 and 64 connections: GET by
# id, POST, PUT, a list page of 20, an 80/20 read/write mix. In the same run it measures the two limits
# the service shares the 2 cores with: PostgreSQL running the same SQL (pgbench -M prepared) and the
# HTTP ceiling (wrk on OPTIONS /api/v1/device/, which touches no database). Prints the table, start time (median
# of 3) and memory, and writes target/bench/results.md and target/bench/latency.png.
#   src/bench/run.sh [--rows 10000] [--seconds 10] [--warmup 96]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_DIR=$PWD/src/bench

rows=10000 seconds=10 warmup=96
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        *) echo "usage: $0 [--rows 10000] [--seconds 10] [--warmup 96]" >&2; exit 2 ;;
    esac
done
export ROWS=$rows

for tool in wrk:wrk pgbench:postgresql-client gnuplot:gnuplot-nox; do
    command -v "${tool%%:*}" >/dev/null || { apt-get update -q && apt-get install -y -q "${tool#*:}"; }
done

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
export DB_NAME=devices_bench PGPASSWORD=$DB_PASSWORD
port=4020
url=http://localhost:$port
out=target/bench
mkdir -p "$out"
psql_() { psql -qtA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }

mvn -B -q package -DskipTests

server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; server=; }
trap stop EXIT
start() { # sets started_ms: milliseconds from launch to the first 200
    local began; began=$(date +%s%N)
    # The launch definition (pom.xml), on the benchmark's port.
    java @payara-config/jvm.options -jar target/devices-server.jar --port "$port" --deploy target/devices.war > "$out/server.log" 2>&1 &
    server=$!
    until curl -sf -o /dev/null "$url/api/v1/health-check/db"; do
        kill -0 "$server" 2>/dev/null || { echo "server died; see $out/server.log" >&2; exit 1; }
        sleep 0.05
    done
    started_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}
fresh_database() {
    psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME"
}
preload() {
    psql_ -d "$DB_NAME" -c "TRUNCATE device RESTART IDENTITY" \
        -c "INSERT INTO device (name, version, created_at, updated_at) SELECT 'device-' || g, 1, now(), now() FROM generate_series(1, $rows) g" \
        -c "VACUUM ANALYZE device"
}

# Start time: median of 3 launches (the first one also migrates the fresh database).
fresh_database
starts=()
for _ in 1 2 3; do start; starts+=("$started_ms"); stop; done
start_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)

start
preload

wrk_run() { # scenario connections seconds -> "requests/s p50 p99 non2xx errors"
    local result
    result=$(wrk -t2 -c"$2" -d"${3}s" --timeout 5s -s "src/bench/wrk/$1.lua" "$url" | grep '^RESULT')
    read -r _ requests secs p50 p99 non2xx errors <<< "$result"
    awk -v r="$requests" -v s="$secs" -v a="$p50" -v b="$p99" -v n="$non2xx" -v e="$errors" \
        'BEGIN {printf "%.0f %.2f %.2f %d %d\n", r / s, a, b, n, e}'
}
pgbench_run() { # connections script... -> transactions/s
    local clients=$1; shift
    local args=()
    for script in "$@"; do args+=(-f "src/bench/pgbench/$script"); done
    pgbench -n -M prepared -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -D rows="$rows" -c "$clients" -j 2 \
        -T "$seconds" "${args[@]}" "$DB_NAME" 2>/dev/null | awk '/^tps/ {printf "%.0f\n", $3}'
}

# The JIT needs every path hot before anything is measured (README: Benchmarks), and a path skipped
# here (the ceiling's, PUT's) would run cold in its first measurement. So: two rounds over all six paths.
echo "warming up for ${warmup} s ..."
for _ in 1 2; do
    for scenario in get post put page mix live; do wrk_run "$scenario" 16 $(( warmup >= 12 ? warmup / 12 : 1 )) > /dev/null; done
done
preload

declare -A pg=([get]="get.sql" [post]="post.sql" [put]="put.sql" [page]="page.sql" [mix]="get.sql@8 put.sql@2")
table="| scenario | connections | requests/s | p50 ms | p99 ms | non-2xx | errors | pgbench tps | HTTP ceiling | ratio to pgbench | ratio to combined limit |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
: > "$out/latency.dat"
for conns in 16 64; do
    read -r ceiling _ <<< "$(wrk_run live "$conns" "$seconds")"
    for scenario in get post put page mix; do
        read -r rps p50 p99 non2xx errors <<< "$(wrk_run "$scenario" "$conns" "$seconds")"
        # shellcheck disable=SC2086
        tps=$(pgbench_run "$conns" ${pg[$scenario]})
        preload   # POST and PUT change the table: every scenario starts from the same rows
        ratios=$(awk -v r="$rps" -v t="$tps" -v c="$ceiling" \
            'BEGIN {printf "%.2f | %.2f", r / t, r * (1 / c + 1 / t)}')
        table+="
| $scenario | $conns | $rps | $p50 | $p99 | $non2xx | $errors | $tps | $ceiling | $ratios |"
        echo "$scenario-$conns $p50 $p99" >> "$out/latency.dat"
    done
done

pid=$server
heap=$(curl -s "$url/metrics?scope=base" | awk '/^memory_usedHeap_bytes/ {printf "%d", $2 / 1048576}')
rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
stop

summary="Devices benchmark: $rows rows, ${seconds} s per run after ${warmup} s of warm-up, $(nproc) cores, JVM: $(tr '\n' ' ' < payara-config/jvm.options)
Launch to first 200 (median of 3): ${start_ms} ms (all: ${starts[*]} ms). After the load: heap used ${heap} MiB, RSS ${rss} MiB.
The combined limit is 1 / (1/HTTP ceiling + 1/pgbench): the two share the cores."
{ echo "$summary"; echo; echo "$table"; } | tee "$out/results.md"

gnuplot <<PLOT
set terminal pngcairo size 1000,500
set output "$out/latency.png"
set title "Devices latency per scenario ($rows rows)"
set ylabel "ms"
set style data histograms
set style fill solid 0.8
set xtics rotate by -30
plot "$out/latency.dat" using 2:xtic(1) title "p50", "" using 3 title "p99"
PLOT
echo "wrote $out/results.md and $out/latency.png"
