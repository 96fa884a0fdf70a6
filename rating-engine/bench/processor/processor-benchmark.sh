#!/bin/bash
# processor-benchmark.sh — CloudKitty 17's processor and Meterflow's, side by side in one run: the same
# hour of usage in one time-series API, the same metrics.yml and hashmap rules, one period per project.
#
#   processor-benchmark.sh [--projects P] [--resources-per-project R] [--workers N] [--rounds N] [--ts-url URL]
#
#  1. without --ts-url: Meterflow's time-series API from this checkout (direct ingest, basic auth) on
#     127.0.0.1:18141, database meterflow_bench_side_by_side (fresh); with it, that server (real Gnocchi works too).
#  2. load-usage.py: P projects x R resources of instance/volume/image, the hour that began 3 h ago.
#  3. ck-processor-bench.sh --no-load (CloudKitty 17 from Debian), then meterflow-processor-bench.sh, each
#     with N workers (default: the CPU count, CloudKitty's default), one after the other on the same data.
#     Then Meterflow once more as the service runs it: the processor loop rating the same hour --rounds
#     times (5) in one JVM; the first round pays for the JIT, the later ones are the steady state.
#  4. prints the results and the ratios of points/s; stops what it started and drops its databases.
# Needs: python3-cloudkitty python3-influxdb python3-psycopg2 python3-requests influxdb uwsgi-core
# uwsgi-plugin-python3 (apt-get install -y ...), PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail
HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
BASE=${BENCH_DIR:-/tmp/processor-benchmark}
PY=/usr/bin/python3
export TZ=UTC
P=100; R=100; WORKERS=$(nproc); ROUNDS=5; TS_URL=""; TS_PORT=18141; TS_DB=meterflow_bench_side_by_side
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) P=$2; shift 2 ;;
    --resources-per-project) R=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --ts-url) TS_URL=${2%/}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$BASE"
log() { echo "[benchmark $(date -u +%H:%M:%S)] $*" >&2; }
psql_pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
TS_STARTED=""
cleanup() {
  if [ -n "$TS_STARTED" ]; then
    kill -TERM -- "-$TS_STARTED" 2>/dev/null || true
    sleep 3
    psql_pg -c "select pg_terminate_backend(pid) from pg_stat_activity where datname='$TS_DB'" >/dev/null 2>&1 || true
    psql_pg -c "drop database if exists $TS_DB" >/dev/null || true
  fi
}
trap cleanup EXIT

if [ -z "$TS_URL" ]; then
  TS_URL=http://127.0.0.1:$TS_PORT
  psql_pg -c "drop database if exists $TS_DB" >/dev/null
  createdb -h 127.0.0.1 -U postgres "$TS_DB"
  log "starting Meterflow's time-series API on $TS_URL"
  METERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$TS_DB?user=postgres" METERFLOW_INGEST_MODE=direct \
    METERFLOW_TIMESERIES_PORT=$TS_PORT setsid "$TOP/bin/meterflow" timeseries-api > "$BASE/ts-api.log" 2>&1 < /dev/null &
  TS_STARTED=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin: "$TS_URL/v1/resource_type" || true)" = 200 ] && break
    sleep 0.5
  done
fi
PERIOD_START=$(date -u -d "@$(( $(date +%s) / 3600 * 3600 - 3 * 3600 ))" +%Y-%m-%dT%H:00:00+00:00)
log "loading $P projects x $R resources x 3 types for the hour $PERIOD_START"
$PY "$HERE/load-usage.py" "$TS_URL" --projects "$P" --resources-per-project "$R" --period-start "$PERIOD_START" \
  --projects-file "$BASE/projects.txt" > "$BASE/load.json" 2>> "$BASE/load.log"
# This machine's PostgreSQL runs without autovacuum: a freshly loaded database has no statistics, and
# the time-series API's lookups would scan. Both processors read the same analysed database.
[ -n "$TS_STARTED" ] && psql_pg -d "$TS_DB" -c "ANALYZE" >/dev/null

COMMON=(--ts-url "$TS_URL" --projects "$P" --resources-per-project "$R" --period-start "$PERIOD_START")
log "CloudKitty 17"
TS_DB_ARG=(); [ -n "$TS_STARTED" ] && TS_DB_ARG=(--ts-db "$TS_DB")
CK_BENCH_DIR=$BASE/ck "$HERE/ck-processor-bench.sh" "${COMMON[@]}" "${TS_DB_ARG[@]}" --no-load --no-analyze \
  --max-workers "$WORKERS" | tee "$BASE/ck.txt"
log "Meterflow"
MF_BENCH_DIR=$BASE/mf "$HERE/meterflow-processor-bench.sh" "${COMMON[@]}" --workers "$WORKERS" | tee "$BASE/mf.txt"
log "Meterflow, the service's processor loop rating the same hour $ROUNDS times in one JVM"
MF_BENCH_DIR=$BASE/mf-warm "$HERE/meterflow-processor-bench.sh" "${COMMON[@]}" --workers "$WORKERS" --warm "$ROUNDS" \
  | tee "$BASE/mf-warm.txt"

CK_RESULT=$(ls -t "$BASE"/ck/result-*.json | head -1)
MF_RESULT=$(ls -t "$BASE"/mf/result-*.json | head -1)
$PY - "$CK_RESULT" "$MF_RESULT" "$BASE/mf-warm.txt" <<'PYEOF'
import json, sys
ck, mf = (json.load(open(f)) for f in sys.argv[1:3])
print()
print("%-12s %10s %10s %12s %14s" % ("", "points", "wall s", "points/s", "w/o start-up"))
print("%-12s %10d %10.2f %12.0f %14.0f" % ("CloudKitty", ck["points_stored"], ck["wall_seconds"], ck["points_per_second"], ck["points_per_second_from_first_fetch"]))
print("%-12s %10d %10.2f %12.0f %14.0f" % ("Meterflow", mf["points_stored"], mf["wall_seconds"], mf["points_per_second"], mf["points_per_second_pass"]))
print("ratio (Meterflow / CloudKitty): %.1fx from start, %.1fx without start-up" % (
    mf["points_per_second"] / ck["points_per_second"], mf["points_per_second_pass"] / ck["points_per_second_from_first_fetch"]))
warm = [l.split() for l in open(sys.argv[3]).read().splitlines() if l[:1].isdigit()]
if warm:
    best = max(float(w[3]) for w in warm[1:] or warm)
    print("%-12s %10s %10s %12.0f %14s" % ("Meterflow*", warm[-1][1], warm[-1][2], best, "(warm)"))
    print("ratio, the service's warm processor / CloudKitty without start-up: %.1fx" % (best / ck["points_per_second_from_first_fetch"]))
for name, r in (("CloudKitty", ck), ("Meterflow", mf)):
    print("CPU seconds, %s run: %s" % (name, ", ".join("%s %.2f" % kv for kv in r["cpu"]["cpu_seconds"].items())))
PYEOF
