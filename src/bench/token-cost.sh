#!/usr/bin/env bash
# Benchmark (not a test): what checking a bearer token costs. Two instances of the same build side by
# side, one open (no DEVICES_AUTH), one with DEVICES_AUTH=jwt (a local RS256 key, src/bench/MintToken.java),
# GET by id at 16 connections, alternating round by round after the same warm-up. Prints req/s, p50
# and p99 of each and the ratio; writes target/bench/token-cost.md.
#   src/bench/token-cost.sh [--rows 10000] [--seconds 10] [--warmup 25] [--rounds 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_DIR=$PWD/src/bench

rows=10000 seconds=10 warmup=25 rounds=3
# shellcheck source=options.sh
. "$BENCH_DIR/options.sh"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

export DB_HOST=${DB_HOST:-localhost} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres} DB_PASSWORD=${DB_PASSWORD:-postgres}
export PGPASSWORD=$DB_PASSWORD
out=target/bench
mkdir -p "$out/token"
psql_() { psql -qtA -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }

mvn -B -q package -DskipTests
issuer=https://bench.invalid/realms/devices
java -cp "$(ls target/devices/WEB-INF/lib/nimbus-jose-jwt-*.jar)" src/bench/MintToken.java "$out/token" "$issuer"

declare -A port=([open]=4030 [jwt]=4031) db=([open]=devices_token_open [jwt]=devices_token_jwt) pid=()
for mode in open jwt; do
    psql_ -d postgres -c "DROP DATABASE IF EXISTS ${db[$mode]} WITH (FORCE)" -c "CREATE DATABASE ${db[$mode]}"
done
start() { # start MODE: the launch definition (pom.xml) on the mode's port and database
    local mode=$1
    if [ "$mode" = jwt ]; then
        DEVICES_AUTH=jwt MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$out/token/jwks.json MP_JWT_VERIFY_ISSUER=$issuer \
            MP_JWT_VERIFY_AUDIENCES=devices DB_NAME=${db[$mode]} \
            java @payara-config/jvm.options -jar target/devices-server.jar --port "${port[$mode]}" \
            --deploy target/devices.war > "$out/token/$mode.log" 2>&1 &
    else
        DB_NAME=${db[$mode]} java @payara-config/jvm.options -jar target/devices-server.jar --port "${port[$mode]}" \
            --deploy target/devices.war > "$out/token/$mode.log" 2>&1 &
    fi
    pid[$mode]=$!
    until curl -sf -o /dev/null "http://localhost:${port[$mode]}/api/v1/health-check/db"; do
        kill -0 "${pid[$mode]}" 2>/dev/null || { echo "$mode died; see $out/token/$mode.log" >&2; exit 1; }
        sleep 0.1
    done
}
trap 'for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for mode in open jwt; do
    start "$mode"
    psql_ -d "${db[$mode]}" -c "INSERT INTO device (name, version, created_at, updated_at) SELECT 'device-' || g, 1, now(), now() FROM generate_series(1, $rows) g" \
        -c "VACUUM ANALYZE device"
done

token=$(cat "$out/token/token")
check=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:${port[jwt]}/api/v1/device/1")
refused=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${port[jwt]}/api/v1/device/1")
[ "$check" = 200 ] && [ "$refused" = 401 ] || { echo "the jwt instance answered $check with the token, $refused without" >&2; exit 1; }

wrk_run() { # wrk_run MODE SECONDS -> "requests/s p50 p99 non2xx"
    local result auth=()
    [ "$1" = jwt ] && auth=(env "AUTHORIZATION=Bearer $token")
    result=$("${auth[@]}" wrk -t2 -c16 -d"${2}s" --timeout 10s -s src/bench/wrk/get.lua "http://localhost:${port[$1]}" | grep '^RESULT')
    read -r _ requests secs p50 p99 non2xx _ <<< "$result"
    awk -v r="$requests" -v s="$secs" -v a="$p50" -v b="$p99" -v n="$non2xx" 'BEGIN {printf "%.0f %.2f %.2f %d\n", r / s, a, b, n}'
}
for mode in open jwt; do wrk_run "$mode" "$warmup" > /dev/null; done
table="| round | open req/s | p50 ms | p99 ms | with token req/s | p50 ms | p99 ms | token / open | non-2xx open/token |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
    read -r o_rps o_p50 o_p99 o_non <<< "$(wrk_run open "$seconds")"
    read -r j_rps j_p50 j_p99 j_non <<< "$(wrk_run jwt "$seconds")"
    ratio=$(awk -v j="$j_rps" -v o="$o_rps" 'BEGIN {printf "%.2f", j / o}')
    table+="
| $round | $o_rps | $o_p50 | $o_p99 | $j_rps | $j_p50 | $j_p99 | $ratio | $o_non/$j_non |"
done
summary="Checking a bearer token: GET by id at 16 connections, $rows rows, ${warmup} s of warm-up, then ${rounds} alternating ${seconds}-s rounds; $(nproc) cores.
open: no DEVICES_AUTH; with token: DEVICES_AUTH=jwt, an RS256 token (2048-bit key, from a local JWKS file) on every request."
{ echo "$summary"; echo; echo "$table"; } | tee "$out/token-cost.md"
