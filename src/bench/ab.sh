#!/usr/bin/env bash
# Benchmark (not a test): an A/B pair for one change. Two instances side by side on their own databases
# (the same rows), A and B, each warmed for --warmup s, then --rounds alternating rounds of one scenario.
# A and B differ by what the environment gives them (both default to the launch definition):
#   A_WAR / B_WAR    the WAR each deploys (default target/devices.war; copy a build aside to compare two)
#   A_JAVA / B_JAVA  options after payara-config/jvm.options (e.g. "-XX:-UseSerialGC -XX:+UseParallelGC")
#   A_ARGS / B_ARGS  Payara Micro options after the launch definition's (e.g. "--nohazelcast")
#   A_JDK / B_JDK    the Java home each runs on (default: the java on the PATH)
# Prints each round's req/s, p50, p99 and the JVM's CPU time per request, B/A of each, and each JVM's RSS
# after the rounds; writes target/bench/ab-<scenario>-<connections>.md.
#   src/bench/ab.sh get 64 [--rows 10000] [--seconds 10] [--warmup 120] [--rounds 6]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_DIR=$PWD/src/bench

scenario=${1:?usage: $0 SCENARIO CONNECTIONS [options]} connections=${2:?usage: $0 SCENARIO CONNECTIONS [options]}
shift 2
# Two minutes of warm-up: after one, both sides were still compiling and the rounds still rising (README).
rows=10000 seconds=10 warmup=120 rounds=6
# shellcheck source=options.sh
. "$BENCH_DIR/options.sh"

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
export PGPASSWORD=$DB_PASSWORD
out=target/bench/ab
mkdir -p "$out"
psql_() { psql -qtA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
[ -f target/devices-server.jar ] || mvn -B -q package -DskipTests

declare -A port=([A]=4150 [B]=4151) db=([A]=devices_ab_a [B]=devices_ab_b) pid=()
# Waits for both to be gone, so the next run finds its ports free.
trap 'for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; wait' EXIT
for side in A B; do
    war_var=${side}_WAR java_var=${side}_JAVA args_var=${side}_ARGS jdk_var=${side}_JDK
    java_bin=${!jdk_var:+${!jdk_var}/bin/}java
    psql_ -d postgres -c "DROP DATABASE IF EXISTS ${db[$side]} WITH (FORCE)" -c "CREATE DATABASE ${db[$side]}"
    # shellcheck disable=SC2086 # the options are words
    DB_NAME=${db[$side]} "$java_bin" @payara-config/jvm.options ${!java_var:-} -jar target/devices-server.jar \
        --port "${port[$side]}" --deploy "${!war_var:-target/devices.war}" ${!args_var:-} > "$out/$side.log" 2>&1 &
    pid[$side]=$!
    deadline=$((SECONDS + 120))
    until curl -sf -o /dev/null "http://localhost:${port[$side]}/api/v1/health-check/db"; do
        # A server that failed to start can linger (its Hazelcast threads), so a time limit too.
        kill -0 "${pid[$side]}" 2>/dev/null && [ $SECONDS -lt $deadline ] || { echo "$side did not start; see $out/$side.log" >&2; exit 1; }
        sleep 0.1
    done
    psql_ -d "${db[$side]}" -c "INSERT INTO device (name, version, created_at, updated_at) SELECT 'device-' || g, 1, now(), now() FROM generate_series(1, $rows) g" \
        -c "VACUUM ANALYZE device"
done

# shellcheck source=cpu.sh
. "$BENCH_DIR/cpu.sh"
wrk_run() { # wrk_run SIDE SECONDS -> "requests/s p50 p99 non2xx cpu-us-per-request"
    local result before after
    before=$(cpu_ticks "${pid[$1]}")
    result=$(wrk -t2 -c"$connections" -d"${2}s" --timeout 10s -s "src/bench/wrk/$scenario.lua" "http://localhost:${port[$1]}" | grep '^RESULT')
    after=$(cpu_ticks "${pid[$1]}")
    read -r _ requests secs p50 p99 non2xx _ <<< "$result"
    awk -v r="$requests" -v s="$secs" -v a="$p50" -v b="$p99" -v n="$non2xx" -v t=$((after - before)) -v hz="$ticks_per_second" \
        'BEGIN {printf "%.0f %.2f %.2f %d %.0f\n", r / s, a, b, n, t / hz / r * 1e6}'
}
# Warmed in alternating 10-s rounds too: warmed one after the other, the first was measured faster
# in an A/A run (B/A 0.81), its compiler having had the machine to itself.
for _ in $(seq 1 $(( (warmup + 9) / 10 ))); do
    for side in A B; do wrk_run "$side" 10 > /dev/null; done
done
table="| round | A req/s | p50 ms | p99 ms | CPU us/req | B req/s | p50 ms | p99 ms | CPU us/req | B / A req/s | B / A CPU | non-2xx A/B |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
sum_a=0 sum_b=0 cpu_a=0 cpu_b=0
for round in $(seq 1 "$rounds"); do
    # Alternating who goes first, so neither always runs on a machine the other just warmed.
    if [ $((round % 2)) = 1 ]; then
        read -r a_rps a_p50 a_p99 a_non a_cpu <<< "$(wrk_run A "$seconds")"
        read -r b_rps b_p50 b_p99 b_non b_cpu <<< "$(wrk_run B "$seconds")"
    else
        read -r b_rps b_p50 b_p99 b_non b_cpu <<< "$(wrk_run B "$seconds")"
        read -r a_rps a_p50 a_p99 a_non a_cpu <<< "$(wrk_run A "$seconds")"
    fi
    sum_a=$((sum_a + a_rps)) sum_b=$((sum_b + b_rps)) cpu_a=$((cpu_a + a_cpu)) cpu_b=$((cpu_b + b_cpu))
    table+="
| $round | $a_rps | $a_p50 | $a_p99 | $a_cpu | $b_rps | $b_p50 | $b_p99 | $b_cpu | $(awk -v b="$b_rps" -v a="$a_rps" 'BEGIN {printf "%.2f", b / a}') | $(awk -v b="$b_cpu" -v a="$a_cpu" 'BEGIN {printf "%.2f", b / a}') | $a_non/$b_non |"
done
rss_mib() { echo $(( $(ps -o rss= -p "${pid[$1]}") / 1024 )); }
summary="A/B: $scenario at $connections connections, $rows rows, ${warmup} s of warm-up each, ${rounds} alternating ${seconds}-s rounds; $(nproc) cores.
A: ${A_WAR:-target/devices.war} ${A_JDK:-} ${A_JAVA:-} ${A_ARGS:-}
B: ${B_WAR:-target/devices.war} ${B_JDK:-} ${B_JAVA:-} ${B_ARGS:-}
B / A over all rounds: $(awk -v b="$sum_b" -v a="$sum_a" 'BEGIN {printf "%.2f", b / a}') in req/s, $(awk -v b="$cpu_b" -v a="$cpu_a" 'BEGIN {printf "%.2f", b / a}') in CPU per request (below 1: B costs less)
RSS after the rounds: A $(rss_mib A) MiB, B $(rss_mib B) MiB"
{ echo "$summary"; echo; echo "$table"; } | tee "$out/../ab-$scenario-$connections.md"
