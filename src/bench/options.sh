# Shared by the benchmarks: their options, with each script's defaults set before it sources this.
#   rows=10000 seconds=10 warmup=25 rounds=6; . src/bench/options.sh "$@"
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        *) echo "usage: $0 [--rows $rows] [--seconds $seconds] [--warmup $warmup] [--rounds $rounds]" >&2; exit 2 ;;
    esac
done
export ROWS=$rows
