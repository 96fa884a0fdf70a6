#!/bin/bash
# meterflow-processor-bench.sh — time Meterflow's rating processor (`bin/meterflow rating process`)
# on the same hour, rules and metrics.yml as ck-processor-bench.sh: collect from a Gnocchi-compatible
# API, rate with the hashmap, store in PostgreSQL; with the CPU of everything it talks to.
#
#   meterflow-processor-bench.sh --ts-url URL --period-start ISO [--projects P] [--resources-per-project R]
#                                [--workers N] [--history true|false] [--ts-pid PID] [--warm ROUNDS] [--keep]
#
# The data must be loaded already (load-usage.py with the same P, R and period start; processor-benchmark.sh
# does it). Steps (state under $MF_BENCH_DIR, default /tmp/mf-proc-bench):
#  1. a fresh database meterflow_bench_rating; `bin/meterflow rating` (processor off) on 127.0.0.1:18989
#     long enough for rules.sh to configure the hashmap through the CloudKitty v1 API; stopped again.
#  2. every scope's state set to the hour before the loaded one, and METERFLOW_RATING_WAIT_PERIODS chosen
#     so that the loaded hour is due and the next is not: one period per scope, as for CloudKitty.
#     Scopes come from the same project list (METERFLOW_RATING_SCOPES, CloudKitty's `source` fetcher).
#  3. snapshots CPU, runs `bin/meterflow rating process` (one pass, then exit), snapshots again, and prints
#     points stored, wall seconds (from the JVM's start, and the pass alone as the command reports it),
#     points/s, and CPU seconds of the processor, the time-series API and PostgreSQL (per database).
#     With --warm ROUNDS instead: the rating service runs with its processor loop (interval 1 s), as in
#     production, and the same hour is rated ROUNDS times in that one JVM (points and states reset in
#     between); each round's pass time comes from the service's own log line, its CPU from /proc. The
#     first round pays for the JIT, the later ones are the steady state of a long-running processor.
#  4. drops the database unless --keep.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
BASE=${MF_BENCH_DIR:-/tmp/mf-proc-bench}
PY=/usr/bin/python3
export TZ=UTC
P=50; R=20; WORKERS=$(nproc); PERIOD_START=""; TS_URL=""; TS_PID=""; HISTORY=true; KEEP=0; WARM=0
DB=meterflow_bench_rating; API_PORT=18989
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) P=$2; shift 2 ;;
    --resources-per-project) R=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --period-start) PERIOD_START=$2; shift 2 ;;
    --ts-url) TS_URL=${2%/}; shift 2 ;;
    --ts-pid) TS_PID=$2; shift 2 ;;
    --history) HISTORY=$2; shift 2 ;;
    --warm) WARM=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$TS_URL" ] && [ -n "$PERIOD_START" ] || { echo "--ts-url and --period-start are required (--help)" >&2; exit 2; }
mkdir -p "$BASE"
RUN_ID=$(date -u +%Y%m%dT%H%M%S)-p$P-r$R-w$WORKERS
LOG=$BASE/bench-$RUN_ID.log
log() { echo "[mf-bench $(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
psql_pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
drop_db() {
  psql_pg -c "select pg_terminate_backend(pid) from pg_stat_activity where datname='$1' and pid<>pg_backend_pid()" >/dev/null 2>&1 || true
  psql_pg -c "drop database if exists $1" >/dev/null
}
API_PID=""
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true
  [ "$KEEP" = 1 ] || drop_db "$DB" || true
}
trap cleanup EXIT

DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
PG_PID=$(listener_pid 5432)
if [ -z "$TS_PID" ]; then
  hp=${TS_URL#*://}; hp=${hp%%/*}
  case "$hp" in 127.0.0.1:*|localhost:*) TS_PID=$(listener_pid "${hp##*:}") ;; esac
fi
PROJECTS_FILE=$BASE/projects-p$P.txt
$PY - "$P" "$PROJECTS_FILE" <<'PYEOF'
import sys, uuid
n, out = int(sys.argv[1]), sys.argv[2]
open(out, "w").write("".join(uuid.uuid5(uuid.NAMESPACE_URL, "meterflow-ck-bench/project/%d" % p).hex + "\n" for p in range(n)))
PYEOF

# ---------------------------------------------------------------- 1. rules through the API
drop_db "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
log "run $RUN_ID: P=$P R=$R workers=$WORKERS use_history=$HISTORY, time-series API $TS_URL (pid ${TS_PID:-unknown})"
METERFLOW_DB_URL=$DB_URL METERFLOW_RATING_PROCESSOR=false METERFLOW_RATING_PORT=$API_PORT \
  "$TOP/bin/meterflow" rating > "$BASE/api-$RUN_ID.log" 2>&1 < /dev/null &
API_PID=$!
for _ in $(seq 1 180); do curl -s -o /dev/null "http://127.0.0.1:$API_PORT/" && break; sleep 0.5; done
bash "$HERE/rules.sh" "http://127.0.0.1:$API_PORT" > "$BASE/rules-$RUN_ID.json" 2>>"$LOG"
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""

# ---------------------------------------------------------------- 2. one due hour per scope
START_EPOCH=$(date -u -d "$PERIOD_START" +%s)
psql_pg -d "$DB" -c "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, last_processed_timestamp)
  SELECT p, 'project_id', 'source', 'gnocchi', to_timestamp($START_EPOCH - 3600)
  FROM unnest(string_to_array('$(paste -sd, "$PROJECTS_FILE")', ',')) p"
WAIT=$(( ( $(date +%s) - START_EPOCH ) / 3600 ))

# ---------------------------------------------------------------- 3w. warm rounds in one JVM
if [ "$WARM" -gt 0 ]; then
  reset_hour() {
    psql_pg -d "$DB" -c "TRUNCATE rating_dataframes, rating_dataframes_daily;
      UPDATE rating_scope_states SET last_processed_timestamp = to_timestamp($START_EPOCH - 3600)"
  }
  reset_hour
  METERFLOW_DB_URL=$DB_URL METERFLOW_TIMESERIES_URL=$TS_URL METERFLOW_RATING_PORT=$API_PORT \
  METERFLOW_RATING_METRICS=$HERE/metrics.yml METERFLOW_RATING_SCOPES=$(paste -sd, "$PROJECTS_FILE") \
  METERFLOW_RATING_WAIT_PERIODS=$WAIT METERFLOW_RATING_WORKERS=$WORKERS METERFLOW_RATING_USE_HISTORY=$HISTORY \
  METERFLOW_RATING_INTERVAL=1 METERFLOW_LOG_LEVEL=INFO "$TOP/bin/meterflow" rating > "$BASE/server-$RUN_ID.log" 2>&1 < /dev/null &
  API_PID=$!
  printf '%-7s %10s %10s %12s   %s\n' round points "pass s" points/s "CPU seconds" | tee -a "$LOG"
  for round in $(seq 1 "$WARM"); do
    seen=$(grep -c 'Rated .* periods' "$BASE/server-$RUN_ID.log" || true)
    [ "$round" -gt 1 ] && reset_hour
    $PY "$HERE/cpu_account.py" snap "$BASE/cpu-before.json"
    for _ in $(seq 1 1200); do
      [ "$(grep -c 'Rated .* periods' "$BASE/server-$RUN_ID.log" || true)" -gt "$seen" ] && break
      sleep 0.1
    done
    $PY "$HERE/cpu_account.py" snap "$BASE/cpu-after.json"
    line=$(grep 'Rated .* periods' "$BASE/server-$RUN_ID.log" | tail -1)
    points=$(echo "$line" | sed -n 's/.*(\([0-9]*\) points).*/\1/p')
    ms=$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
    CPU=$($PY "$HERE/cpu_account.py" report "$BASE/cpu-before.json" "$BASE/cpu-after.json" \
      "processor=tree:$API_PID" "postgresql=tree:$PG_PID" ${TS_PID:+"timeseries-api=tree:$TS_PID"})
    cpu=$(echo "$CPU" | $PY -c 'import json,sys; print(", ".join("%s %.2f" % kv for kv in json.load(sys.stdin)["cpu_seconds"].items()))')
    printf '%-7s %10s %10.2f %12.0f   %s\n' "$round" "$points" "$(echo "$ms / 1000" | bc -l)" \
      "$(echo "$points * 1000 / $ms" | bc -l)" "$cpu" | tee -a "$LOG"
  done
  exit 0
fi

# ---------------------------------------------------------------- 3. the measured run
sync; sleep 2
$PY "$HERE/cpu_account.py" snap "$BASE/cpu-before.json"
T0=$(date +%s.%N)
METERFLOW_DB_URL=$DB_URL METERFLOW_TIMESERIES_URL=$TS_URL \
METERFLOW_RATING_METRICS=$HERE/metrics.yml METERFLOW_RATING_SCOPES=$(paste -sd, "$PROJECTS_FILE") \
METERFLOW_RATING_WAIT_PERIODS=$WAIT METERFLOW_RATING_WORKERS=$WORKERS METERFLOW_RATING_USE_HISTORY=$HISTORY \
METERFLOW_LOG_LEVEL=WARN /usr/bin/time -o "$BASE/time-$RUN_ID.txt" -f '%U %S' \
  "$TOP/bin/meterflow" rating process > "$BASE/process-$RUN_ID.log" 2>&1 < /dev/null &
PROC_PID=$!
wait "$PROC_PID" || { log "the processor failed; see $BASE/process-$RUN_ID.log"; tail -20 "$BASE/process-$RUN_ID.log" >&2; exit 1; }
T1=$(date +%s.%N)
$PY "$HERE/cpu_account.py" snap "$BASE/cpu-after.json"
PG_DB_MAP=$(psql_pg -c "select string_agg(pid || '=' || datname, ',') from pg_stat_activity where datname is not null")
# The processor's own CPU comes from time(1): it has exited before the second snapshot.
SPECS=("postgresql=tree:$PG_PID")
[ -n "$TS_PID" ] && SPECS+=("timeseries-api=tree:$TS_PID")
CPU=$($PY "$HERE/cpu_account.py" report "$BASE/cpu-before.json" "$BASE/cpu-after.json" "${SPECS[@]}" --pg-db "$PG_DB_MAP")
STORED=$(psql_pg -d "$DB" -c "select count(*) from rating_dataframes")
RATED=$(psql_pg -d "$DB" -c "select coalesce(json_object_agg(type, json_build_object('qty', qty, 'rate', rate)), '{}') from (select type, sum(qty) qty, sum(price) rate from rating_dataframes group by type) t")
PASS=$(grep -o 'in [0-9.]* s:' "$BASE/process-$RUN_ID.log" | grep -o '[0-9.]*' || echo 0)
$PY - "$BASE/result-$RUN_ID.json" <<PYEOF | tee -a "$LOG"
import json, sys
cpu = json.loads('''$CPU''')
user, system = (float(x) for x in open("$BASE/time-$RUN_ID.txt").read().split()[-2:])
cpu["cpu_seconds"] = {"processor": round(user + system, 2), **cpu["cpu_seconds"]}
cpu["cpu_seconds"]["everything else"] = round(cpu["cpu_seconds"].get("everything else", 0) - user - system, 2)
t0, t1, passed, stored = $T0, $T1, float("$PASS" or 0), int("$STORED")
r = {"run": "$RUN_ID", "system": "meterflow", "projects": $P, "resources_per_project": $R, "workers": $WORKERS,
     "use_history": "$HISTORY" == "true", "period_start": "$PERIOD_START", "timeseries_api": "$TS_URL",
     "points_expected": $P * $R * 3, "points_stored": stored,
     "wall_seconds": round(t1 - t0, 2), "pass_seconds": passed,
     "points_per_second": round(stored / (t1 - t0), 1),
     "points_per_second_pass": round(stored / max(passed, 1e-9), 1),
     "cpu": cpu, "rated_by_type": json.loads('''$RATED''')}
json.dump(r, open(sys.argv[1], "w"), indent=1)
c = cpu["cpu_seconds"]
print("RESULT %s (Meterflow)" % r["run"])
print("  points rated and stored : %d of %d expected" % (stored, r["points_expected"]))
print("  wall                    : %.2f s from the JVM's start, %.2f s the pass alone" % (r["wall_seconds"], passed))
print("  throughput              : %.0f points/s (%.0f points/s the pass alone)" % (r["points_per_second"], r["points_per_second_pass"]))
print("  CPU seconds             : " + ", ".join("%s %.2f" % kv for kv in c.items()))
if "postgresql_by_database" in cpu:
    print("  PostgreSQL by database  : " + ", ".join("%s %.2f" % kv for kv in cpu["postgresql_by_database"].items()))
print("  machine                 : %.2f busy CPU-s of %.2f available (%.0f %%)" % (cpu["machine_busy_cpu_seconds"], cpu["machine_cpu_seconds_available"], 100 * cpu["machine_utilisation"]))
print("  rated by type           : " + ", ".join("%s qty %s rate %s" % (k, v["qty"], v["rate"]) for k, v in sorted(r["rated_by_type"].items())))
print("  result file             : " + sys.argv[1])
PYEOF
