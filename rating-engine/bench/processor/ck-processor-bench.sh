#!/bin/bash
# ck-processor-bench.sh — time CloudKitty 17's cloudkitty-processor (Debian python3-cloudkitty 17.0.0)
# collecting one hour from a Gnocchi-compatible API with its Gnocchi collector, rating with hashmap and
# storing into InfluxDB (storage v2), side by side with the CPU of everything it talks to.
#
#   ck-processor-bench.sh [--projects P] [--resources-per-project R] [--max-workers N]
#                         [--period-start ISO] [--ts-url URL [--ts-pid PID] [--ts-db DB]] [--ts-noauth]
#                         [--meterflow DIR] [--no-load] [--no-analyze] [--debug] [--keep] [--timeout S] [--stall S] [--margin S]
#   ck-processor-bench.sh --cleanup      stop what a --keep run left running, drop its databases
#
# What it does (logs and state under $CK_BENCH_DIR, default /tmp/ck-proc-bench):
#  1. time-series API: without --ts-url, starts Meterflow's (`bin/meterflow timeseries-api`, direct
#     ingest, basic auth, port 18041) on a fresh PostgreSQL database ck_proc_bench_ts; with --ts-url,
#     uses that server (real Gnocchi or another Meterflow; --ts-pid names its process for the CPU
#     figures, otherwise the process listening on the URL's port is taken when it is local; --ts-db
#     names its database on the local PostgreSQL, for the per-table scan counters).
#     --meterflow DIR runs DIR/bin/meterflow instead of this checkout's (e.g. a `git archive` of a
#     commit, so that uncommitted edits in the working tree, or a build they break, stay out of it).
#  2. load-usage.py: P projects x R resources of each type instance/volume/image, one hour of measures
#     from --period-start (default: the hour that began 3 h ago), waits until readable. --no-load skips
#     it (data already loaded with the same P, R and period). Then ANALYZE of the time-series database
#     when this script created it (--no-analyze: not): this machine's PostgreSQL runs with
#     autovacuum = off (/etc/postgresql/15/main/conf.d/90-ci.conf), so a freshly loaded database has
#     no statistics, which a production PostgreSQL (autovacuum on) would have gathered by itself.
#  3. a private InfluxDB 1.x on 127.0.0.1:18896 (fresh), a CloudKitty database ck_proc_bench on the
#     local PostgreSQL (fresh, dbsync + storage-init), cloudkitty-api (uwsgi, noauth) on 127.0.0.1:18899,
#     and rules.sh against it (hashmap rules).
#  4. cloudkitty.conf: collector gnocchi (gnocchi_auth_type basic, user admin; --ts-noauth: keystoneauth
#     plugin gnocchi-noauth), fetcher `source` listing the P project ids, period 3600, metrics_conf =
#     metrics.yml next to this script, [orchestrator] max_workers N (default: CloudKitty's, the CPU
#     count), max_workers_reprocessing 0. The state of every scope is pre-inserted with
#     last_processed_timestamp = period start - 1 h, and wait_periods = floor((now - start) / 1 h), so
#     the loaded hour is due and the hour after it is not: exactly one period per scope is processed.
#  5. snapshots CPU (/proc), starts cloudkitty-processor, polls the scope states in PostgreSQL every
#     0.2 s until all P scopes have last_processed_timestamp = period start, snapshots CPU again, stops
#     the processor, counts the points stored in InfluxDB and prints the figures (and
#     $CK_BENCH_DIR/result-*.json): points, wall seconds (from the processor's start, and from its first
#     "Tenants loaded" log line, i.e. without Python's start-up), points/s, CPU seconds of the processor,
#     the time-series API, PostgreSQL (split per database), InfluxDB, and the machine's utilisation.
#  6. stops everything it started and drops the databases it created, unless --keep. It never stops a
#     process it did not start, and never drops a database somebody is connected to: a busy port or a
#     database in use makes it stop before doing anything.
# --margin S (default 600): when fewer than S seconds remain before the next hour, wait for that hour
# first (once it passes, wait_periods is computed again), so the run cannot make a second period due.
# --stall S (default 120): give up when no scope finished for S seconds (CloudKitty 17 can leave a
# worker hung for ever while it holds a scope's lock: seen once, with --max-workers 4; status "stalled").
# --debug sets debug = true in cloudkitty.conf (keystoneauth then logs every request it sends, with
# its body, in processor.log): for reading the collector's queries, not for timing.
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust), RabbitMQ on 127.0.0.1:5672 (guest; the
# processor's RPC server needs a broker even though nothing calls it), the Debian packages checked below.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
BASE=${CK_BENCH_DIR:-/tmp/ck-proc-bench}
PY=/usr/bin/python3
export TZ=UTC

TS_DB_EXTERNAL=""; P=50; R=20; WORKERS=$(nproc); PERIOD_START=""; TS_URL=""; TS_PID=""; TS_AUTH=basic
LOAD=1; ANALYZE=1; DEBUG=false; KEEP=0; TIMEOUT=1800; STALL=120; MARGIN=600; CLEANUP_ONLY=0
TS_PORT=18041; TS_DB=ck_proc_bench_ts; CK_DB=ck_proc_bench
CK_PORT=18899; INFLUX_PORT=18896; INFLUX_RPC_PORT=18897
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) P=$2; shift 2 ;;
    --resources-per-project) R=$2; shift 2 ;;
    --max-workers) WORKERS=$2; shift 2 ;;
    --period-start) PERIOD_START=$2; shift 2 ;;
    --ts-url) TS_URL=${2%/}; shift 2 ;;
    --meterflow) TOP=$(cd "$2" && pwd); shift 2 ;;
    --ts-pid) TS_PID=$2; shift 2 ;;
    --ts-db) TS_DB_EXTERNAL=$2; shift 2 ;;
    --ts-noauth) TS_AUTH=noauth; shift ;;
    --no-load) LOAD=0; shift ;;
    --no-analyze) ANALYZE=0; shift ;;
    --debug) DEBUG=true; shift ;;
    --keep) KEEP=1; shift ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --margin) MARGIN=$2; shift 2 ;;
    --stall) STALL=$2; shift 2 ;;
    --cleanup) CLEANUP_ONLY=1; shift ;;
    -h|--help) sed -n '2,40p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$BASE"/{influx/meta,influx/data,influx/wal,locks,run}
RUN_ID=$(date -u +%Y%m%dT%H%M%S)-p$P-r$R-w$WORKERS
LOG=$BASE/bench-$RUN_ID.log
log() { echo "[ck-bench $(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_busy() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
psql_pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }

stop_group() {  # name, pidfile, signal, command pattern: the pid is a setsid leader, stop its process group
  local pf=$2 pid
  [ -f "$pf" ] || return 0
  pid=$(cat "$pf")
  # a stale pid file must not stop an unrelated process that got the pid since
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$4"; then
    kill -"$3" "$pid" 2>/dev/null || true
    for i in $(seq 1 80); do
      pgrep -g "$pid" >/dev/null 2>&1 || break
      [ "$i" = 40 ] && kill -TERM -- "-$pid" 2>/dev/null
      sleep 0.25
    done
    pgrep -g "$pid" >/dev/null 2>&1 && kill -KILL -- "-$pid" 2>/dev/null
    log "stopped $1"
  fi
  rm -f "$pf"
}
db_users() { psql_pg -c "select count(*) from pg_stat_activity where datname='$1'"; }
# Drops a database of this benchmark, never one somebody is connected to (no backend is terminated).
drop_db() {
  if [ "$(db_users "$1")" != 0 ]; then
    log "database $1 has connections that are not this run's: left alone"; return 1
  fi
  psql_pg -c "drop database if exists $1" >/dev/null 2>&1
}
# A fresh database for this run; refuses (exit) when another process is connected to one of that name.
fresh_db() {
  if [ "$(db_users "$1")" != 0 ]; then
    log "database $1 is in use by another process: not touching it (another run of this benchmark?)"; exit 1
  fi
  psql_pg -c "drop database if exists $1" >/dev/null 2>&1
  psql_pg -c "create database $1 encoding 'UTF8' template template0" >/dev/null
}
# What this run created, and only that, is stopped and dropped at the end (--cleanup: what a --keep
# run left, found through its pid files; databases only when nobody is connected any more).
OWN_TS=0; OWN_CK=0
cleanup() {
  [ "$KEEP" = 1 ] && { log "--keep: leaving everything running (state in $BASE)"; return; }
  local dropped=""
  # OWN_CK: this run got past its port checks and started (or was about to start) the CloudKitty side
  if [ "$OWN_CK" = 1 ] || [ "$CLEANUP_ONLY" = 1 ]; then
    stop_group cloudkitty-processor "$BASE/run/processor.pid" TERM cloudkitty-processor
    stop_group cloudkitty-api "$BASE/run/api.pid" INT uwsgi
    stop_group influxd "$BASE/run/influxd.pid" TERM influxd
    drop_db "$CK_DB" && dropped="$CK_DB"
    rm -rf "$BASE/influx"
  # this run's RabbitMQ exchange and server queue; the per-start fanout queues expire by themselves
  # (oslo.messaging's 30 min TTL) and the topic queue "cloudkitty" is shared with any other CloudKitty
  timeout 30 "$PY" -c '
import kombu
with kombu.Connection("amqp://guest:guest@127.0.0.1:5672//") as conn:
    ch = conn.channel()
    ch.queue_delete("cloudkitty.ck-proc-bench")
    ch.exchange_delete("ck_proc_bench")
' 2>/dev/null || log "RabbitMQ cleanup skipped"
  fi
  if [ "$OWN_TS" = 1 ] || { [ "$CLEANUP_ONLY" = 1 ] && [ -f "$BASE/run/ts-api.pid" ]; }; then
    stop_group meterflow-timeseries-api "$BASE/run/ts-api.pid" TERM TimeseriesApplication
    drop_db "$TS_DB" && dropped="$dropped $TS_DB"
  fi
  log "cleaned up: stopped what this run started${dropped:+, dropped databases $dropped}"
}
TS_URL_GIVEN=$TS_URL
trap cleanup EXIT
[ "$CLEANUP_ONLY" = 1 ] && exit 0

# ---------------------------------------------------------------- checks
for pkg in python3-cloudkitty python3-influxdb python3-psycopg2 python3-requests influxdb uwsgi-core uwsgi-plugin-python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || { log "missing Debian package $pkg (apt-get install -y $pkg)"; exit 1; }
done
psql_pg -c 'select 1' >/dev/null || { log "PostgreSQL 127.0.0.1:5432 (user postgres, trust) not reachable"; exit 1; }
PG_PID=$(listener_pid 5432)
[ -n "$PG_PID" ] && [ "$(cat /proc/$PG_PID/comm 2>/dev/null)" = postgres ] || PG_PID=$(pgrep -o -x postgres)
for p in $CK_PORT $INFLUX_PORT $INFLUX_RPC_PORT; do port_busy "$p" && { log "port $p is in use"; exit 1; }; done
if [ -f "$BASE/run/processor.pid" ] || [ -f "$BASE/run/api.pid" ] || [ -f "$BASE/run/influxd.pid" ] || [ -f "$BASE/run/ts-api.pid" ]; then
  log "pid files in $BASE/run: another run is active or a --keep run was left (--cleanup); not starting"; exit 1
fi
log "run $RUN_ID: P=$P R=$R max_workers=$WORKERS (log $LOG)"

# ---------------------------------------------------------------- 1. time-series API
if [ -z "$TS_URL" ]; then
  TS_URL=http://127.0.0.1:$TS_PORT
  port_busy "$TS_PORT" && { log "port $TS_PORT is in use (give --ts-url to use that server)"; exit 1; }
  fresh_db "$TS_DB"
  OWN_TS=1
  log "starting Meterflow's time-series API on $TS_URL (database $TS_DB, direct ingest, basic auth)"
  ( cd "$BASE" && METERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$TS_DB?user=postgres" \
      METERFLOW_INGEST_MODE=direct METERFLOW_TIMESERIES_PORT=$TS_PORT \
      METERFLOW_AUTH_MODE=$TS_AUTH \
      setsid bash -c 'echo $$ > "$0"; exec "$1" timeseries-api' "$BASE/run/ts-api.pid" "$TOP/bin/meterflow" \
      > "$BASE/ts-api.log" 2>&1 < /dev/null & )
  for i in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin: -H 'X-User-Id: admin' -H 'X-Project-Id: admin' -H 'X-Roles: admin' "$TS_URL/v1/resource_type" || true)" = 200 ] && break
    alive "$BASE/run/ts-api.pid" || { log "time-series API died; see $BASE/ts-api.log"; tail -20 "$BASE/ts-api.log" >&2; exit 1; }
    sleep 0.5
  done
  TS_PID=$(cat "$BASE/run/ts-api.pid")
fi
if [ -z "$TS_PID" ]; then
  hp=${TS_URL#*://}; hp=${hp%%/*}
  case "$hp" in 127.0.0.1:*|localhost:*) TS_PID=$(listener_pid "${hp##*:}") ;; esac
fi
TS_VERSION=external
if [ -z "$TS_URL_GIVEN" ]; then
  TS_VERSION="Meterflow $(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || cut -c1-7 "$TOP/COMMIT" 2>/dev/null || echo '?')"
  if [ -n "$(git -C "$TOP" status --porcelain -- timeseries-api 2>/dev/null || true)" ]; then
    TS_VERSION="$TS_VERSION + uncommitted timeseries-api changes"
  fi
fi
log "time-series API $TS_URL (pid ${TS_PID:-unknown}, $TS_VERSION)"

# ---------------------------------------------------------------- 2. data
if [ -z "$PERIOD_START" ]; then
  PERIOD_START=$(date -u -d "@$(( $(date +%s) / 3600 * 3600 - 3 * 3600 ))" +%Y-%m-%dT%H:00:00+00:00)
fi
PROJECTS_FILE=$BASE/projects-p$P.txt
LOAD_ARGS=("$TS_URL" --projects "$P" --resources-per-project "$R" --period-start "$PERIOD_START" --projects-file "$PROJECTS_FILE")
[ "$TS_AUTH" = noauth ] && LOAD_ARGS+=(--noauth)
if [ "$LOAD" = 1 ]; then
  log "loading $P projects x $R resources x 3 types, hour $PERIOD_START"
  $PY "$HERE/load-usage.py" "${LOAD_ARGS[@]}" 2>>"$LOG" | tee "$BASE/load-$RUN_ID.json" >&2
else
  # the ids are deterministic: write the projects file without posting anything
  $PY - "$P" "$PROJECTS_FILE" <<'EOF'
import sys, uuid
n, out = int(sys.argv[1]), sys.argv[2]
open(out, "w").write("".join(uuid.uuid5(uuid.NAMESPACE_URL, "meterflow-ck-bench/project/%d" % p).hex + "\n" for p in range(n)))
EOF
fi
if [ "$ANALYZE" = 1 ] && [ -z "$TS_URL_GIVEN" ]; then
  psql_pg -d "$TS_DB" -c "analyze" && log "ANALYZE $TS_DB done"
fi
POINTS_EXPECTED=$(( P * R * 3 ))
START_EPOCH=$(date -u -d "$PERIOD_START" +%s)
PREV_ISO=$(date -u -d "@$(( START_EPOCH - 3600 ))" +%Y-%m-%dT%H:%M:%S+00:00)
END_ISO=$(date -u -d "@$(( START_EPOCH + 3600 ))" +%Y-%m-%dT%H:%M:%S+00:00)
START_NAIVE=$(date -u -d "@$START_EPOCH" '+%Y-%m-%d %H:%M:%S')

# ---------------------------------------------------------------- 3. InfluxDB, CloudKitty DB, API
OWN_CK=1
rm -rf "$BASE/influx"; mkdir -p "$BASE"/influx/{meta,data,wal}
cat > "$BASE/influxdb.conf" <<EOF
reporting-disabled = true
bind-address = "127.0.0.1:$INFLUX_RPC_PORT"
[meta]
  dir = "$BASE/influx/meta"
  logging-enabled = false
[data]
  dir = "$BASE/influx/data"
  wal-dir = "$BASE/influx/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[subscriber]
  enabled = false
[continuous_queries]
  enabled = false
[http]
  enabled = true
  bind-address = "127.0.0.1:$INFLUX_PORT"
  log-enabled = false
[logging]
  level = "warn"
EOF
setsid bash -c 'echo $$ > "$0"; exec /usr/bin/influxd -config "$1"' "$BASE/run/influxd.pid" "$BASE/influxdb.conf" \
  > "$BASE/influxd.log" 2>&1 < /dev/null &
for i in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$INFLUX_PORT/ping" || true)" = 204 ] && break
  sleep 0.1
done
influxq() { curl -sf -XPOST "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "db=cloudkitty" --data-urlencode "q=$1"; }
influxq "CREATE DATABASE cloudkitty" >/dev/null || { log "influxd not answering; see $BASE/influxd.log"; exit 1; }

fresh_db "$CK_DB"

CONF=$BASE/cloudkitty.conf
NOW=$(date +%s)
LEFT=$(( 3600 - (NOW - START_EPOCH) % 3600 ))
if [ "$LEFT" -lt "$MARGIN" ]; then
  # past the next hour the period after the loaded one would become due as well: wait it out
  log "$LEFT s before the next hour: waiting for it, so that exactly one period is due during the run"
  sleep $(( LEFT + 2 )); NOW=$(date +%s)
fi
WAIT_PERIODS=$(( (NOW - START_EPOCH) / 3600 ))
[ "$WAIT_PERIODS" -ge 1 ] || { log "--period-start must be at least one hour in the past"; exit 1; }
LEFT=$(( 3600 - (NOW - START_EPOCH) % 3600 ))
cp "$HERE/metrics.yml" "$BASE/metrics.yml"
if [ "$TS_AUTH" = basic ]; then
  GNOCCHI_AUTH="gnocchi_auth_type = basic
gnocchi_user = admin
gnocchi_endpoint = $TS_URL"
else
  # CloudKitty 17 offers keystone|basic; "keystone" loads any keystoneauth plugin from this section,
  # gnocchiclient's gnocchi-noauth among them
  GNOCCHI_AUTH="gnocchi_auth_type = keystone
auth_type = gnocchi-noauth
user_id = admin
project_id = admin
roles = admin
endpoint = $TS_URL"
fi
cat > "$BASE/api_paste.ini" <<EOF
[pipeline:cloudkitty+noauth]
pipeline = request_id ck_api

[app:ck_api]
paste.app_factory = cloudkitty.api.app:app_factory

[filter:request_id]
paste.filter_factory = oslo_middleware:RequestId.factory
EOF
cat > "$CONF" <<EOF
# generated by ck-processor-bench.sh ($RUN_ID)
[DEFAULT]
auth_strategy = noauth
api_paste_config = $BASE/api_paste.ini
debug = $DEBUG
use_stderr = true
$([ "$DEBUG" = true ] && echo "default_log_levels = keystoneauth=DEBUG,amqp=WARN,amqplib=WARN,oslo.messaging=INFO,oslo_messaging=INFO,stevedore=INFO,urllib3=WARN,iso8601=WARN,requests=WARN,tooz=INFO")
transport_url = rabbit://guest:guest@127.0.0.1:5672/
control_exchange = ck_proc_bench
host = ck-proc-bench

[database]
connection = postgresql+psycopg2://postgres@127.0.0.1:5432/$CK_DB

[storage]
backend = influxdb
version = 2

[storage_influxdb]
host = 127.0.0.1
port = $INFLUX_PORT
database = cloudkitty

[collect]
collector = gnocchi
metrics_conf = $BASE/metrics.yml
scope_key = project_id
period = 3600
wait_periods = $WAIT_PERIODS

[collector_gnocchi]
$GNOCCHI_AUTH

[fetcher]
backend = source

[fetcher_source]
sources = $(paste -sd, "$PROJECTS_FILE")

[orchestrator]
max_workers = $WORKERS
max_workers_reprocessing = 0
coordination_url = file://$BASE/locks
EOF
log "cloudkitty-dbsync + storage-init (database $CK_DB, influx :$INFLUX_PORT)"
/usr/bin/cloudkitty-dbsync --config-file "$CONF" upgrade > "$BASE/dbsync.log" 2>&1 || { tail -20 "$BASE/dbsync.log" >&2; exit 1; }
/usr/bin/cloudkitty-storage-init --config-file "$CONF" >> "$BASE/dbsync.log" 2>&1 || { tail -20 "$BASE/dbsync.log" >&2; exit 1; }

UWSGI_PLUGINS=python3 setsid bash -c 'echo $$ > "$0"; exec /usr/bin/uwsgi "$@"' "$BASE/run/api.pid" \
  --http-socket "127.0.0.1:$CK_PORT" --add-header "Connection: close" --master --enable-threads \
  --hook-master-start "unix_signal:15 gracefully_kill_them_all" --die-on-term \
  --processes 1 --threads 4 --lazy-apps --chdir "$BASE" \
  --wsgi-file /usr/bin/cloudkitty-api --pyargv "--config-file $CONF" --buffer-size 65535 \
  > "$BASE/api.log" 2>&1 < /dev/null &
for i in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CK_PORT/" || true)" = 200 ] && break
  alive "$BASE/run/api.pid" || { log "cloudkitty-api died; see $BASE/api.log"; tail -20 "$BASE/api.log" >&2; exit 1; }
  sleep 0.3
done
log "cloudkitty-api on http://127.0.0.1:$CK_PORT; rules.sh"
"$HERE/rules.sh" "http://127.0.0.1:$CK_PORT" > "$BASE/rules-ids.json" 2>>"$LOG"

# ---------------------------------------------------------------- 4. scope states
$PY - "$CONF" "$PROJECTS_FILE" "$PREV_ISO" <<'EOF' 2>>"$LOG"
import sys
from oslo_config import cfg
from cloudkitty import service
service.prepare_service(["x", "--config-file", sys.argv[1]])
from cloudkitty import storage_state
from cloudkitty.utils import tz as tzutils
ts = tzutils.dt_from_iso(sys.argv[3])
sm = storage_state.StateManager()
for scope in open(sys.argv[2]).read().split():
    sm.set_last_processed_timestamp(scope, ts, fetcher="source", collector="gnocchi", scope_key="project_id")
EOF
n_states=$(psql_pg -d "$CK_DB" -c "select count(*) from cloudkitty_storage_states where last_processed_timestamp = '$(date -u -d "@$(( START_EPOCH - 3600 ))" '+%Y-%m-%d %H:%M:%S')'")
[ "$n_states" = "$P" ] || { log "expected $P scope states, found $n_states"; exit 1; }
log "$P scope states set to $PREV_ISO; wait_periods=$WAIT_PERIODS: next period $PERIOD_START is due, the one after is not"

# ---------------------------------------------------------------- 5. the measured run
snap() { $PY "$HERE/cpu_account.py" snap "$1"; }
tabstats() {  # DB OUT: per-table scan counters (pg_stat_user_tables), to see what the CPU of PostgreSQL went to
  psql_pg -d "$1" -F' ' -c "select relname, seq_scan, seq_tup_read, coalesce(idx_scan,0), coalesce(idx_tup_fetch,0), n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables" > "$2" 2>/dev/null || true
}
TS_DB_STATS=$TS_DB_EXTERNAL; [ -z "$TS_URL_GIVEN" ] && TS_DB_STATS=$TS_DB
sync; sleep 2
[ -n "$TS_DB_STATS" ] && tabstats "$TS_DB_STATS" "$BASE/tabstats-ts-before.txt"
tabstats "$CK_DB" "$BASE/tabstats-ck-before.txt"
snap "$BASE/cpu-before.json"
T0=$(date +%s.%N)
setsid bash -c 'echo $$ > "$0"; exec /usr/bin/cloudkitty-processor --config-file "$1"' "$BASE/run/processor.pid" "$CONF" \
  > "$BASE/processor-$RUN_ID.log" 2>&1 < /dev/null &
sleep 0.05
PROC_PID=$(cat "$BASE/run/processor.pid")
log "cloudkitty-processor started (pid $PROC_PID, $WORKERS workers); waiting for $P scopes"
# one psycopg2 connection polling every 0.2 s (a psql per poll cost 2-6 CPU-s per run); prints
# "<scopes done> <status>" and exits when all P are done, the processor is gone, nothing moved for
# --stall seconds (a hung worker keeps its scope's lock forever) or --timeout passed
read -r done_n status < <($PY - "$CK_DB" "$START_NAIVE" "$P" "$PROC_PID" "$TIMEOUT" "$STALL" <<'EOF'
import os, sys, time
import psycopg2
db, start, n, pid, timeout, stall = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
conn = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=db)
conn.autocommit = True
cur = conn.cursor()
t0 = last_change = time.time()
done = -1
while True:
    cur.execute("select count(*) from cloudkitty_storage_states where last_processed_timestamp >= %s", (start,))
    now_done = cur.fetchone()[0]
    if now_done != done:
        done, last_change = now_done, time.time()
    if done >= n:
        print(done, "ok"); break
    try:
        os.kill(pid, 0)
    except OSError:
        print(done, "processor-died"); break
    if time.time() - t0 > timeout:
        print(done, "timeout"); break
    if time.time() - last_change > stall:
        print(done, "stalled"); break
    time.sleep(0.2)
EOF
) || true
done_n=${done_n:-0}; status=${status:-poller-failed}
T1=$(date +%s.%N)
snap "$BASE/cpu-after.json"
PG_DB_MAP=$(psql_pg -c "select string_agg(pid || '=' || datname, ',') from pg_stat_activity where datname is not null")
stop_group cloudkitty-processor "$BASE/run/processor.pid" TERM cloudkitty-processor
sleep 1.5   # backends flush their table counters at most once a second
[ -n "$TS_DB_STATS" ] && tabstats "$TS_DB_STATS" "$BASE/tabstats-ts-after.txt"
tabstats "$CK_DB" "$BASE/tabstats-ck-after.txt"
if [ "$status" != ok ]; then
  log "WARNING: $status ($done_n/$P scopes done)"
  [ "$status" = stalled ] && log "a stalled worker can be inspected with py-spy dump --pid <worker pid> (run with --keep)"
fi

# ---------------------------------------------------------------- results
PLOG=$BASE/processor-$RUN_ID.log
FIRST=$(grep -m1 "Tenants loaded" "$PLOG" | awk '{print $1" "$2}')
FIRST_EPOCH=$( [ -n "$FIRST" ] && date -u -d "$FIRST" +%s.%N || echo "$T0")
STORED=$(influxq "SELECT count(qty) FROM dataframes WHERE time >= '$PERIOD_START' AND time < '$END_ISO'" \
  | $PY -c 'import json,sys; d=json.load(sys.stdin)["results"][0]; print(d["series"][0]["values"][0][1] if "series" in d else 0)')
ERRORS=$(grep -c " ERROR " "$PLOG" || true)
WORKER_EXITS=$(grep -c "exited with status\|Exiting\." "$PLOG" || true)
NODATA=$(grep -c "No data collected" "$PLOG" || true)
curl -s -G "http://127.0.0.1:$CK_PORT/v2/summary" --data-urlencode "begin=$PERIOD_START" \
  --data-urlencode "end=$END_ISO" --data-urlencode groupby=type > "$BASE/summary-$RUN_ID.json" || true
SPECS=("bench-script=pid:$$" "processor=pgid:$PROC_PID" "postgresql=tree:$PG_PID" "influxd=pgid:$(cat "$BASE/run/influxd.pid")" "cloudkitty-api=pgid:$(cat "$BASE/run/api.pid")")
[ -n "$TS_PID" ] && SPECS+=("timeseries-api=tree:$TS_PID")
CPU=$($PY "$HERE/cpu_account.py" report "$BASE/cpu-before.json" "$BASE/cpu-after.json" "${SPECS[@]}" --pg-db "$PG_DB_MAP")
$PY - "$BASE/result-$RUN_ID.json" <<EOF | tee -a "$LOG"
import json, sys
cpu = json.loads('''$CPU''')
def tabstats(db, name):
    try:
        b = {l.split()[0]: [int(x) for x in l.split()[1:]] for l in open("$BASE/tabstats-%s-before.txt" % name) if l.strip()}
        a = {l.split()[0]: [int(x) for x in l.split()[1:]] for l in open("$BASE/tabstats-%s-after.txt" % name) if l.strip()}
    except OSError:
        return {}
    d = {t: [x - y for x, y in zip(v, b.get(t, [0] * len(v)))] for t, v in a.items()}
    keys = ["seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch", "tup_written"]
    return {t: dict(zip(keys, v)) for t, v in sorted(d.items(), key=lambda kv: -(kv[1][1] + kv[1][3])) if any(v)}
summary = json.load(open("$BASE/summary-$RUN_ID.json")) if open("$BASE/summary-$RUN_ID.json").read().strip() else {}
t0, t1, tf = $T0, $T1, $FIRST_EPOCH
stored = int("$STORED" or 0)
r = {
  "run": "$RUN_ID", "status": "$status", "projects": $P, "resources_per_project": $R, "max_workers": $WORKERS,
  "analyzed": "$ANALYZE" == "1" and not "$TS_URL_GIVEN", "period_start": "$PERIOD_START", "timeseries_api": "$TS_URL", "timeseries_version": "$TS_VERSION", "ts_auth": "$TS_AUTH",
  "points_expected": $POINTS_EXPECTED, "points_stored": stored, "scopes_done": int("$done_n"),
  "wall_seconds": round(t1 - t0, 2), "wall_seconds_from_first_fetch": round(t1 - tf, 2),
  "points_per_second": round(stored / (t1 - t0), 1),
  "points_per_second_from_first_fetch": round(stored / max(t1 - tf, 1e-9), 1),
  "processor_errors": int("$ERRORS"), "worker_exits": int("$WORKER_EXITS"), "no_data_lines": int("$NODATA"),
  "cpu": cpu,
  "table_scans": {"ck": tabstats("$CK_DB", "ck"), "ts": tabstats("$TS_DB_STATS", "ts")},
  "summary_by_type": {row[4] if len(row) > 4 else "?": {"qty": row[2], "rate": row[3]} for row in summary.get("results", [])},
}
json.dump(r, open(sys.argv[1], "w"), indent=1)
c = cpu["cpu_seconds"]
print("RESULT %s: %s" % (r["run"], r["status"]))
print("  points rated and stored : %d of %d expected (%d scopes)" % (stored, $POINTS_EXPECTED, r["scopes_done"]))
print("  wall                    : %.2f s from processor start, %.2f s from first 'Tenants loaded'" % (r["wall_seconds"], r["wall_seconds_from_first_fetch"]))
print("  throughput              : %.0f points/s (%.0f points/s without start-up)" % (r["points_per_second"], r["points_per_second_from_first_fetch"]))
print("  CPU seconds             : " + ", ".join("%s %.2f" % kv for kv in c.items()))
if "postgresql_by_database" in cpu:
    print("  PostgreSQL by database  : " + ", ".join("%s %.2f" % kv for kv in cpu["postgresql_by_database"].items()))
print("  everything else, top    : " + ", ".join("%s %.2f" % kv for kv in cpu.get("everything_else_top", {}).items()))
print("  machine                 : %.2f busy CPU-s of %.2f available (%.0f %%)" % (cpu["machine_busy_cpu_seconds"], cpu["machine_cpu_seconds_available"], 100 * cpu["machine_utilisation"]))
for name, label in (("ts", "time-series DB"), ("ck", "CloudKitty DB")):
    top = list(r["table_scans"][name].items())[:4]
    if top:
        print("  %-24s: " % (label + " tables") + "; ".join("%s seq %d/%d rows, idx %d/%d rows" % (t, v["seq_scan"], v["seq_tup_read"], v["idx_scan"], v["idx_tup_fetch"]) for t, v in top))
print("  processor log           : %d ERROR lines, %d worker exits, %d 'No data collected'" % (r["processor_errors"], r["worker_exits"], r["no_data_lines"]))
print("  rated (v2/summary)      : " + ", ".join("%s qty %s rate %s" % (k, v["qty"], v["rate"]) for k, v in sorted(r["summary_by_type"].items())))
print("  result file             : " + sys.argv[1])
EOF
