#!/usr/bin/env bash
# ingest-benchmark.sh: side-by-side ingestion benchmark of real Gnocchi and Meterflow (Kafka mode),
# with the shared bench-gnocchi.sh harness, in the two shapes of issue 4:
#   bulk        10,000 metrics x 1,000 points, 100 points per metric per request (10M measures)
#   ceilometer  10,000 metrics x 100 points, 1 point per metric per request, 1,000 metrics per request
# and the on-disk bytes per stored aggregate point of each (PostgreSQL relation sizes for Meterflow,
# du of the storage directory for Gnocchi), after each bulk run.
#
# usage: timeseries-api/bench/ingest-benchmark.sh [--shapes "bulk ceilometer"] [--only meterflow|gnocchi]
#          [--out FILE] [--scale N]   (--scale divides the metric counts, for a quick try)
# METERFLOW_BENCH_JAR: a service jar to run with java -jar instead of this tree's build (run through
# bin/meterflow), to compare two builds. Only for builds before e769b97, whose lib/ still held the
# embedded broker; to compare with a later build, run that checkout's own copy of this script
# (git worktree add /tmp/before REV; build it; /tmp/before/timeseries-api/bench/ingest-benchmark.sh).
# Needs: Debian's gnocchi packages (see ../../../shared/gnocchi/start-gnocchi.sh), a PostgreSQL on
# 127.0.0.1:5432 (user postgres; tune-postgresql.sh sizes it), the module built (./mvnw -DskipTests package).
# The first line written is the PostgreSQL settings the run had. Meterflow runs on
# port 8063 with its single-node Kafka on 9192 under a scratch directory; Gnocchi on 8041.
# METERFLOW_SHARED: the shared tools (default ../shared beside the repository, for a worktree elsewhere).
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
shared=${METERFLOW_SHARED:-$top/../shared}
shapes="bulk ceilometer"; only=""; out=/dev/null; scale=1
while [ $# -gt 0 ]; do
  case "$1" in
    --shapes) shapes=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Without METERFLOW_BENCH_JAR, bin/meterflow runs the build of this tree, with the embedded broker.
bench_jar=${METERFLOW_BENCH_JAR:-}
work=$(mktemp -d)
mf_pid=""
cleanup() { [ -n "$mf_pid" ] && kill "$mf_pid" 2>/dev/null; "$shared/gnocchi/stop-gnocchi.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT

args_of() {  # shape
  case "$1" in
    bulk) echo "--metrics $((10000 / scale)) --points 1000 --reads 50 --agg-reads 20" ;;
    ceilometer) echo "--metrics $((10000 / scale)) --points 100 --chunk-points 1 --metrics-per-request 1000 --reads 20 --agg-reads 5" ;;
  esac
}

start_meterflow() {
  [ -n "$mf_pid" ] && kill "$mf_pid" 2>/dev/null && sleep 3
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS mf_ingest_bench WITH (FORCE)" \
    -c "CREATE DATABASE mf_ingest_bench" 2>/dev/null
  rm -rf "$work/data"
  local -a command
  if [ -n "$bench_jar" ]; then
    # shellcheck disable=SC2206
    command=(java ${METERFLOW_JAVA_OPTS:-} -jar "$bench_jar" server)
  else
    command=(env METERFLOW_JAVA_OPTS="${METERFLOW_JAVA_OPTS:-}" "$top/bin/meterflow" timeseries-api server)
  fi
  METERFLOW_DATA_DIR=$work/data METERFLOW_KAFKA_PORT=9192 METERFLOW_KAFKA_CONTROLLER_PORT=9193 \
  METERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/mf_ingest_bench?user=postgres" \
  METERFLOW_TIMESERIES_PORT=8063 METERFLOW_LOG_LEVEL=WARN \
    nohup "${command[@]}" >"$work/meterflow.log" 2>&1 &
  mf_pid=$!
  for _ in $(seq 120); do curl -sf localhost:8063/healthcheck >/dev/null && return 0; sleep 0.5; done
  echo "Meterflow did not start" >&2; tail "$work/meterflow.log" >&2; exit 1
}

points_sql="SELECT coalesce(sum((get_byte(points,1)<<24)+(get_byte(points,2)<<16)+(get_byte(points,3)<<8)+get_byte(points,4)),0) FROM aggregate_split"
storage_meterflow() {
  local bytes points
  bytes=$(psql -At -h 127.0.0.1 -U postgres mf_ingest_bench -c \
    "SELECT pg_total_relation_size('aggregate_split') + pg_total_relation_size('metric_unaggregated') + coalesce(pg_total_relation_size(to_regclass('metric_unaggregated_slice')), 0)")
  points=$(psql -At -h 127.0.0.1 -U postgres mf_ingest_bench -c "$points_sql")
  echo "{\"server\": \"meterflow\", \"storage_bytes\": $bytes, \"aggregate_points\": $points, \"bytes_per_point\": $(echo "scale=2; $bytes / $points" | bc)}"
}
storage_gnocchi() {
  local bytes; bytes=$(du -sb "${GNOCCHI_ANCHOR_DIR:-/tmp/gnocchi-anchor}/storage" | cut -f1)
  echo "{\"server\": \"gnocchi\", \"storage_bytes\": $bytes}"
}

# The server both systems share: its tuning moves the figures (tune-postgresql.sh), so say it.
psql -At -h 127.0.0.1 -U postgres -c "SELECT '{\"postgresql\": {' || string_agg(format('\"%s\": \"%s\"', name,
  current_setting(name)), ', ' ORDER BY name) || '}, \"date\": \"$(date -u +%FT%TZ)\"}' FROM pg_settings
  WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'synchronous_commit', 'autovacuum')" \
  | tee -a "$out"

for shape in $shapes; do
  for server in gnocchi meterflow; do
    [ -n "$only" ] && [ "$only" != "$server" ] && continue
    echo "== $server $shape $(date -u +%T)"
    if [ "$server" = gnocchi ]; then
      GNOCCHI_RESET=1 "$shared/gnocchi/start-gnocchi.sh" >"$work/gnocchi-start.log" 2>&1
      url=http://127.0.0.1:8041
    else
      start_meterflow
      url=http://127.0.0.1:8063
    fi
    # shellcheck disable=SC2046
    "$shared/gnocchi/bench-gnocchi.sh" --url "$url" $(args_of "$shape") --label "$server-$shape" 2>"$work/err.txt" \
      | tail -1 | tee -a "$out"
    grep -E "^\[bench\] (ingest|end-to-end|verify|POST agg)" "$work/err.txt" || true
    if [ "$shape" = bulk ]; then
      if [ "$server" = gnocchi ]; then storage_gnocchi; else storage_meterflow; fi | tee -a "$out"
    fi
    # Neither server idles beside the other's run.
    if [ "$server" = gnocchi ]; then
      "$shared/gnocchi/stop-gnocchi.sh" >/dev/null 2>&1 || true
    elif [ -n "$mf_pid" ]; then
      kill "$mf_pid" 2>/dev/null; wait "$mf_pid" 2>/dev/null || true; mf_pid=""
    fi
  done
done
