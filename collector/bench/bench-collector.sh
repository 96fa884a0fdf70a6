#!/usr/bin/env bash
# Drain-mode throughput of the live collector, to set beside ../shared/ceilometer/bench-ceilometer.sh
# (the real ceilometer-agent-notification): N notifications of every kind are published with the
# collector stopped, then it starts and the clock runs from its first delivery to the last
# notification processed (all samples acknowledged by Kafka). Prints one JSON line.
#   collector/bench/bench-collector.sh [N]      (default 20000)
# Uses a RabbitMQ virtual host of its own (meterflow-bench, via rabbitmqctl) and a Kafka broker of
# its own in a separate JVM, so nothing else on the machine is touched. Knobs: KINDS, SEED,
# METERFLOW_AMQP_CONCURRENCY, METERFLOW_AMQP_BATCH_SIZE, METERFLOW_AMQP_PREFETCH, KEEP=1.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
shared=$(cd "$top/../shared/ceilometer" && pwd)
count=${1:-20000}
kinds=${KINDS:-nova,cinder,glance,neutron,swift,keystone,nova-metrics,cinder-capacity,manila,designate,trove,magnum}
seed=${SEED:-1}
vhost=meterflow-bench
port=${METERFLOW_COLLECTOR_PORT:-8053}
work=$(mktemp -d /tmp/meterflow-bench.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

received() {  # notifications the collector has taken (redeliveries included)
  curl -sf "http://127.0.0.1:$port/admin/metrics" | /usr/bin/python3 -c \
    'import json,sys; m=json.load(sys.stdin)["meters"]; print(m["collector.notifications.received"]["count"], m["collector.samples.published"]["count"], m["collector.notifications.dropped"]["count"], m["collector.notifications.dead_lettered"]["count"])' \
    2>/dev/null || echo "0 0 0 0"
}

start_collector() {
  METERFLOW_AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" METERFLOW_KAFKA="$bootstrap" \
  METERFLOW_COLLECTOR_PORT=$port METERFLOW_DEAD_LETTER_UNMATCHED=false METERFLOW_LOG_LEVEL=WARN \
    "$top/bin/meterflow" collector > "$work/collector.log" 2>&1 &
  collector=$!
  pids+=("$collector")
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/admin/healthcheck" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "collector did not start; see $work/collector.log" >&2; exit 1
}

echo "== building" >&2
# In one reactor run, so test-support resolves to the module next door (the collector runs last).
(cd "$top" && ./mvnw -q -B -ntp -pl collector -am package -DskipTests dependency:build-classpath \
   -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt") >&2

echo "== Kafka and a RabbitMQ virtual host of our own" >&2
java -Xmx512m -cp "$top/collector/target/test-classes:$top/collector/target/classes:$(cat "$work/classpath.txt")" \
  io.meterflow.collector.BenchKafka "$work/kafka" > "$work/kafka.out" 2> "$work/kafka.log" &
pids+=("$!")
rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
for _ in $(seq 1 120); do grep -q '^bootstrap=' "$work/kafka.out" 2>/dev/null && break; sleep 0.25; done
bootstrap=$(sed -n 's/^bootstrap=//p' "$work/kafka.out")
[ -n "$bootstrap" ] || { echo "Kafka did not start; see $work/kafka.log" >&2; exit 1; }

echo "== recording $count notifications (seed $seed)" >&2
/usr/bin/python3 "$shared/notify.py" --seed "$seed" --count "$count" --kinds "$kinds" \
  --out "$work/input.jsonl" --no-send >/dev/null

echo "== declaring queues, then publishing with the collector stopped" >&2
start_collector
kill "$collector"; wait "$collector" 2>/dev/null || true
/usr/bin/python3 "$shared/notify.py" --replay "$work/input.jsonl" \
  --url "amqp://guest:guest@127.0.0.1:5672/$vhost" >/dev/null
messages=$(wc -l < "$work/input.jsonl")

echo "== draining" >&2
start_collector
start=""; read -r got samples dropped dead < <(received)
while [ "$got" -lt "$messages" ]; do
  [ -z "$start" ] && [ "$got" -gt 0 ] && start=$(date +%s.%N)
  sleep 0.1
  read -r got samples dropped dead < <(received)
done
end=$(date +%s.%N)
[ -z "$start" ] && start=$end
sleep 1  # the last batch's published/dropped counters are updated just after its acknowledgement
read -r got samples dropped dead < <(received)
cpu_ticks=$(awk '{print $14+$15}' "/proc/$collector/stat")
/usr/bin/python3 - "$messages" "$samples" "$dropped" "$dead" "$start" "$end" "$cpu_ticks" "$(getconf CLK_TCK)" <<'PY'
import json, sys
n, samples, dropped, dead = map(int, sys.argv[1:5])
start, end, ticks, hz = float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
seconds = max(end - start, 1e-9)
print(json.dumps({"system": "meterflow-collector", "phase": "drain", "notifications": n, "samples": samples,
                  "skipped": dropped, "dead_lettered": dead, "seconds": round(seconds, 3),
                  "notifications_per_s": round(n / seconds), "samples_per_s": round(samples / seconds),
                  "collector_cpu_s_total": round(ticks / hz, 2)}))
PY
