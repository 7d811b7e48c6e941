#!/usr/bin/env bash
# Benchmark (not a test): Devices beside the Spring Boot peer (../shared/peers/spring-boot, the same API
# and JSON on Spring Boot, Spring Data JPA, HikariCP and Jackson), in one run, on one machine, the two
# alternating scenario by scenario under the same load. Per service: launch to first 200 (median of 3),
# the warm-up curve of a fresh start (GET by id, 16 connections, 10-s rounds), then at 16 and 64
# connections GET by id, POST, PUT, an 80/20 mix, a page of 20 and the full list (10,000 rows), each
# warmed for --warmup s before --seconds s are measured, RSS after the load, and RSS of both started
# fresh after the same --warmup s of the mix (the peer with -Xmx512m). pgbench runs the same SQL as the
# database's own limit. Prints the table and writes target/bench/results.md.
#   src/bench/run.sh [--rows 10000] [--seconds 10] [--warmup 25] [--rounds 6]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_DIR=$PWD/src/bench

rows=10000 seconds=10 warmup=25 rounds=6
# shellcheck source=options.sh
. "$BENCH_DIR/options.sh"

for tool in wrk:wrk pgbench:postgresql-client; do
    command -v "${tool%%:*}" >/dev/null || { apt-get update -q && apt-get install -y -q "${tool#*:}"; }
done

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
export PGPASSWORD=$DB_PASSWORD
out=target/bench
mkdir -p "$out"
psql_() { psql -qtA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }

# The two services: name -> port, database, start command.
declare -A port=([devices]=4020 [peer]=4021) db=([devices]=devices_bench [peer]=peer_bench) pid=()
services=(devices peer)

mvn -B -q package -DskipTests
peer_home=../shared/peers/spring-boot
rm -rf target/spring-peer && cp -r "$peer_home" target/spring-peer
(cd target/spring-peer && mvn -B -q package -DskipTests)

start() { # start SERVICE [PEER_JAVA_OPTS]: sets pid[SERVICE] and started_ms (launch to first 200)
    local service=$1 began; began=$(date +%s%N)
    if [ "$service" = devices ]; then
        # The launch definition (pom.xml), on the benchmark's port.
        DB_NAME=${db[devices]} java @payara-config/jvm.options -jar target/devices-server.jar --port "${port[devices]}" \
            --deploy target/devices.war >> "$out/devices.log" 2>&1 &
        pid[devices]=$!
    else
        pid[peer]=$(JAVA_OPTS="${2:-}" LOG=$PWD/$out/peer.log target/spring-peer/run.sh "${port[peer]}" "${db[peer]}")
    fi
    until curl -sf -o /dev/null "http://localhost:${port[$service]}/api/v1/health-check/db"; do
        kill -0 "${pid[$service]}" 2>/dev/null || { echo "$service died; see $out/$service.log" >&2; exit 1; }
        sleep 0.05
    done
    started_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}
stop() { # stop SERVICE
    local p=${pid[$1]:-}
    if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; fi
    pid[$1]=
}
trap 'stop devices; stop peer' EXIT
rss_mib() { echo $(( $(ps -o rss= -p "${pid[$1]}") / 1024 )); }
fresh_database() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
preload() { # preload DATABASE: the same rows for both services
    psql_ -d "$1" -c "TRUNCATE device RESTART IDENTITY" \
        -c "INSERT INTO device (name, version, created_at, updated_at) SELECT 'device-' || g, 1, now(), now() FROM generate_series(1, $rows) g" \
        -c "VACUUM ANALYZE device"
}
# shellcheck source=cpu.sh
. "$BENCH_DIR/cpu.sh"
wrk_run() { # wrk_run SERVICE SCENARIO CONNECTIONS SECONDS -> "requests/s p50 p99 non2xx errors cpu-us-per-request"
    local result before after
    before=$(cpu_ticks "${pid[$1]}")
    result=$(wrk -t2 -c"$3" -d"${4}s" --timeout 10s -s "src/bench/wrk/$2.lua" "http://localhost:${port[$1]}" | grep '^RESULT')
    after=$(cpu_ticks "${pid[$1]}")
    read -r _ requests secs p50 p99 non2xx errors <<< "$result"
    awk -v r="$requests" -v s="$secs" -v a="$p50" -v b="$p99" -v n="$non2xx" -v e="$errors" -v t=$((after - before)) -v hz="$ticks_per_second" \
        'BEGIN {printf "%.0f %.2f %.2f %d %d %.0f\n", r / s, a, b, n, e, t / hz / r * 1e6}'
}
pgbench_run() { # pgbench_run CONNECTIONS SCRIPT... -> transactions/s on the Devices database
    local clients=$1; shift
    local args=()
    for script in "$@"; do args+=(-f "src/bench/pgbench/$script"); done
    pgbench -n -M prepared -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -D rows="$rows" -c "$clients" -j 2 \
        -T "$seconds" "${args[@]}" "${db[devices]}" 2>/dev/null | awk '/^tps/ {printf "%.0f\n", $3}'
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# Launch to first 200, median of 3 (the first launch also migrates the fresh database, and Devices' first,
# after the build, runs without a class-data archive and writes one as it stops: the next two map it).
declare -A launch=() launches=()
for service in "${services[@]}"; do fresh_database "${db[$service]}"; done
for _ in 1 2 3; do
    for service in "${services[@]}"; do start "$service"; launches[$service]+="$started_ms "; stop "$service"; done
done
for service in "${services[@]}"; do
    # shellcheck disable=SC2086
    launch[$service]=$(median ${launches[$service]})
done

# The warm-up curve: a fresh start, GET by id at 16 connections, requests/s per 10-s round.
declare -A curve=()
for service in "${services[@]}"; do
    preload "${db[$service]}"
    start "$service"
    for _ in $(seq 1 "$rounds"); do read -r rps _ <<< "$(wrk_run "$service" get 16 10)"; curve[$service]+="$rps "; done
done

# The load: scenario by scenario, the two services alternating, each from the same rows.
declare -A pg=([get]="get.sql" [post]="post.sql" [put]="put.sql" [mix]="get.sql@8 put.sql@2" [page]="page.sql" [list]="list.sql")
table="| scenario | connections | Devices req/s | p50 ms | p99 ms | peer req/s | p50 ms | p99 ms | Devices / peer | JVM CPU us/req D/P | non-2xx D/P | pgbench tps |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for conns in 16 64; do
    for scenario in get post put mix page list; do
        declare -A result=([peer]="0 - - 0 0 -")
        for service in "${services[@]}"; do
            # The peer has no paging: its ?limit= answers the whole list, which is the list scenario.
            [ "$scenario" = page ] && [ "$service" = peer ] && continue
            preload "${db[$service]}"
            wrk_run "$service" "$scenario" "$conns" "$warmup" > /dev/null
            preload "${db[$service]}"
            result[$service]=$(wrk_run "$service" "$scenario" "$conns" "$seconds")
        done
        read -r d_rps d_p50 d_p99 d_non2xx _ d_cpu <<< "${result[devices]}"
        read -r p_rps p_p50 p_p99 p_non2xx _ p_cpu <<< "${result[peer]}"
        # shellcheck disable=SC2086
        tps=$(pgbench_run "$conns" ${pg[$scenario]})
        ratio=$(awk -v d="$d_rps" -v p="$p_rps" 'BEGIN {printf "%.2f", (p > 0 ? d / p : 0)}')
        [ "$scenario" = page ] && { p_rps="no paging"; ratio="-"; }
        table+="
| $scenario | $conns | $d_rps | $d_p50 | $d_p99 | $p_rps | $p_p50 | $p_p99 | $ratio | $d_cpu/$p_cpu | $d_non2xx/$p_non2xx | $tps |"
    done
done

declare -A rss=() rss_mix=()
for service in "${services[@]}"; do rss[$service]=$(rss_mib "$service"); stop "$service"; done
# Like for like: both fresh, the peer with a heap like Devices', the same mix for the same time, then RSS.
for service in "${services[@]}"; do
    preload "${db[$service]}"
    start "$service" -Xmx512m
    wrk_run "$service" mix 16 "$warmup" > /dev/null
    rss_mix[$service]=$(rss_mib "$service")
    stop "$service"
done

summary="Devices beside the Spring Boot peer: $rows rows, ${warmup} s of warm-up then ${seconds} s measured per scenario and service, alternating; $(nproc) cores.
Both on $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = /Java /p'). Devices JVM: $(tr '\n' ' ' < payara-config/jvm.options); peer: the JVM's defaults.
Launch to first 200 (median of 3; Devices' first start after the build writes its class-data archive, the next two map it): Devices ${launch[devices]} ms (${launches[devices]% }), peer ${launch[peer]} ms (${launches[peer]% }).
Warm-up, GET by id at 16 connections, req/s per 10-s round from a fresh start: Devices ${curve[devices]% }; peer ${curve[peer]% }.
RSS after the load: Devices ${rss[devices]} MiB, peer ${rss[peer]} MiB. Fresh, after ${warmup} s of the mix at 16 connections: Devices ${rss_mix[devices]} MiB, peer with -Xmx512m ${rss_mix[peer]} MiB.
JVM CPU us/req: the JVM's CPU time (user + system) over the measured requests.
pgbench: the same SQL on Devices' database, -M prepared, the database's own limit."
{ echo "$summary"; echo; echo "$table"; } | tee "$out/results.md"
