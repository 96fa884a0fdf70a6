#!/usr/bin/env bash
# fault-soak.sh: the soak (soak.py: a fixed rate in Ceilometer's shape for --minutes) with faults
# inside it, and exact counts at the end (docs/reliability.md):
#   at FAULT_BROKER_AT s   the Kafka broker stops for FAULT_BROKER_DOWN s and starts again on its data
#   at FAULT_KILL_AT s     the aggregator process is killed with SIGKILL and started again FAULT_KILL_DOWN s later
# The services run as an operator scales them out: a Kafka broker, the API taking writes only, and
# one `bin/meterflow aggregator`. The broker is the single-node one, hosted by a collector process
# (the first service of a machine without METERFLOW_KAFKA starts it), so stopping that process
# stops the broker. The client retries refused requests after their Retry-After (soak.py --retry);
# at the end every metric's count of measures must equal what was accepted for it (--verify).
#
# usage: timeseries-api/bench/fault-soak.sh [--out FILE]
# Settings (environment): RATE (20000 measures/s), MINUTES (10), METRICS (20000),
# FAULT_BROKER_AT (180), FAULT_BROKER_DOWN (60), FAULT_KILL_AT (420), FAULT_KILL_DOWN (5).
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), RabbitMQ on 127.0.0.1:5672 (guest), jcmd.
# Uses ports 9292-9293 (Kafka), 8065 (API), 8066 (aggregator), 8067 (collector) and the database
# mf_fault_soak and the RabbitMQ virtual host mf-fault-soak, which it removes at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
rate=${RATE:-20000}; minutes=${MINUTES:-10}; metrics=${METRICS:-20000}
broker_at=${FAULT_BROKER_AT:-180}; broker_down=${FAULT_BROKER_DOWN:-60}
kill_at=${FAULT_KILL_AT:-420}; kill_down=${FAULT_KILL_DOWN:-5}
db=mf_fault_soak
vhost=mf-fault-soak  # the broker's host process is a collector: its queues go in a virtual host of their own
work=$(mktemp -d)
touch "$work/pids"  # every process started, the fault injector's included (it runs in a subshell)

cleanup() {
  while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$work/pids"
  sleep 2
  while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done < "$work/pids"
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

common=(METERFLOW_KAFKA_PORT=9292 METERFLOW_KAFKA_CONTROLLER_PORT=9293 METERFLOW_DEPLOYMENT=soak
        METERFLOW_LOG_LEVEL=WARN)
await() {  # url, what
  for _ in $(seq 1 480); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$2 did not start; logs in $work (KEEP=1 keeps them)" >&2; exit 1
}
start_broker() {
  env "${common[@]}" METERFLOW_DATA_DIR="$work/broker" METERFLOW_COLLECTOR_PORT=8067 \
    METERFLOW_AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" \
    "$top/bin/meterflow" collector >> "$work/broker.log" 2>&1 &
  broker=$!; echo "$broker" >> "$work/pids"
  await http://127.0.0.1:8067/admin/healthcheck "the broker's process"
}
start_aggregator() {
  env "${common[@]}" METERFLOW_KAFKA=127.0.0.1:9292 METERFLOW_DB_URL="$db_url" METERFLOW_DATA_DIR="$work/aggregator" \
    METERFLOW_AGGREGATOR_PORT=8066 METERFLOW_JAVA_OPTS="-Xms1g -Xmx1g" \
    "$top/bin/meterflow" aggregator >> "$work/aggregator.log" 2>&1 &
  aggregator=$!; echo "$aggregator" >> "$work/pids"
  await http://127.0.0.1:8066/admin/healthcheck "the aggregator"
}

echo "== building" >&2
(cd "$top" && ./mvnw -q -B -ntp -DskipTests package) >&2
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" postgres
rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
db_url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"

echo "== Kafka (in a collector process), the API, one aggregator" >&2
start_broker
env "${common[@]}" METERFLOW_KAFKA=127.0.0.1:9292 METERFLOW_DB_URL="$db_url" METERFLOW_DATA_DIR="$work/api" \
  METERFLOW_AGGREGATOR_IN_PROCESS=false METERFLOW_TIMESERIES_PORT=8065 METERFLOW_TIMESERIES_PROFILE=default \
  METERFLOW_JAVA_OPTS="-Xms2g -Xmx2g -Xlog:gc:file=$work/gc.log" \
  "$top/bin/meterflow" timeseries-api > "$work/api.log" 2>&1 &
api=$!; echo "$api" >> "$work/pids"
await http://127.0.0.1:8065/healthcheck "the API"
start_aggregator

faults() {
  # The clock starts with the load: soak.py creates its metrics first and then says so.
  until grep -q created_metrics "$work/soak.jsonl" 2>/dev/null; do sleep 0.2; done
  sleep "$broker_at"
  if [ "$broker_down" -gt 0 ]; then  # FAULT_BROKER_DOWN=0: no broker fault
    echo "{\"fault\": \"broker stopped\", \"t_s\": $broker_at}"
    kill "$broker"; wait "$broker" 2>/dev/null || true
    sleep "$broker_down"
    start_broker
    echo "{\"fault\": \"broker back\", \"t_s\": $((broker_at + broker_down))}"
  fi
  sleep $((kill_at - broker_at - broker_down))
  echo "{\"fault\": \"aggregator killed\", \"t_s\": $kill_at}"
  kill -9 "$aggregator"; wait "$aggregator" 2>/dev/null || true
  sleep "$kill_down"
  start_aggregator
  echo "{\"fault\": \"aggregator back\", \"t_s\": $((kill_at + kill_down))}"
}

echo "== soak: $rate measures/s for $minutes min, broker down at ${broker_at}s for ${broker_down}s," \
     "aggregator killed at ${kill_at}s" >&2
faults > "$work/faults.jsonl" 2>> "$work/faults.log" &
echo $! >> "$work/pids"
/usr/bin/python3 -u "$here/soak.py" --url http://127.0.0.1:8065 --pid "$api" --gc-log "$work/gc.log" \
  --rate "$rate" --minutes "$minutes" --metrics "$metrics" --retry --verify \
  --fault-windows "$broker_at-$((broker_at + broker_down)),$kill_at-$((kill_at + kill_down))" \
  | tee "$work/soak.jsonl" || status=$?
cat "$work/faults.jsonl"
# Measures the aggregator ignored on purpose (older than the back window) or dead-lettered are not
# lost but are not counted either: say how many, so a shortfall can be told from a loss.
curl -sf http://127.0.0.1:8066/admin/prometheus 2>/dev/null \
  | grep -E '^meterflow_(aggregator_measures_dropped|dead_letters)[a-z_]*(_total)? ' \
  | sed 's/^/# aggregator (since its restart): /' || true
if [ -n "$out" ]; then cat "$work/faults.jsonl" "$work/soak.jsonl" > "$out"; fi
exit "${status:-0}"
