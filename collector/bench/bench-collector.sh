#!/usr/bin/env bash
# Drain-mode throughput of the live collector, to set beside ../shared/ceilometer/bench-ceilometer.sh
# (the real ceilometer-agent-notification): N notifications of every kind are published with the
# collector stopped, then it starts and the clock runs from its first delivery to the acknowledgement
# of the last notification to RabbitMQ (all its samples acknowledged by Kafka). Prints one JSON line.
#   collector/bench/bench-collector.sh [N]      (default 20000)
# Uses a RabbitMQ virtual host of its own (meterflow-bench, via rabbitmqctl) and a Kafka broker of
# its own in a separate JVM, so nothing else on the machine is touched. Knobs: KINDS, SEED,
# METERFLOW_AMQP_CONCURRENCY, METERFLOW_AMQP_BATCH_SIZE, METERFLOW_AMQP_PREFETCH, KEEP=1,
# METERFLOW_JAVA_OPTS (e.g. a flight recording), KAFKA_WARM_UP (records the fresh broker takes on a
# topic of its own before anything else, default 300000, so it is as compiled as one in service), MODE=ack-only (the ceiling: a consumer that only
# acknowledges, same queue, consumers, prefetch and batch; no collector, no Kafka).
# CPU seconds of the collector (per thread kind too), RabbitMQ and the Kafka JVM are counted from
# the first delivery on, and what every other process on the machine took meanwhile. ROUNDS=2 publishes 2N and reports each N apart: the first is the cold JVM
# (what the top-level figures are), the second the same JVM once its JIT compiler has caught up.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
shared=$(cd "$top/../shared/ceilometer" && pwd)
count=${1:-20000}
rounds=${ROUNDS:-1}
kinds=${KINDS:-nova,cinder,glance,neutron,swift,keystone,nova-metrics,cinder-capacity,manila,designate,trove,magnum}
seed=${SEED:-1}
vhost=meterflow-bench
port=${METERFLOW_COLLECTOR_PORT:-8053}
work=$(mktemp -d /tmp/meterflow-bench.XXXXXX)
mode=${MODE:-collector}
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

ticks() {  # utime+stime of the given pids, in clock ticks
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done
  echo "$t"
}
rabbit=$(cat "/var/lib/rabbitmq/mnesia/rabbit@$(hostname).pid" 2>/dev/null || pgrep -o -f 'beam.smp.*rabbit' || echo 0)


start_collector() {
  METERFLOW_AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$vhost" METERFLOW_KAFKA="$bootstrap" METERFLOW_DEPLOYMENT=bench \
  METERFLOW_COLLECTOR_PORT=$port METERFLOW_DEAD_LETTER_UNMATCHED=false METERFLOW_LOG_LEVEL=WARN \
    "$top/bin/meterflow" collector > "$work/collector.log" 2>&1 &
  collector=$!
  pids+=("$collector")
  for _ in $(seq 1 240); do  # start-up and the warm-up (at most 10 s)
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
  io.meterflow.collector.BenchKafka "$work/kafka" "${KAFKA_WARM_UP:-300000}" > "$work/kafka.out" 2> "$work/kafka.log" &
kafka=$!
pids+=("$kafka")
rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
for _ in $(seq 1 240); do grep -q '^bootstrap=' "$work/kafka.out" 2>/dev/null && break; sleep 0.25; done
bootstrap=$(sed -n 's/^bootstrap=//p' "$work/kafka.out")
[ -n "$bootstrap" ] || { echo "Kafka did not start; see $work/kafka.log" >&2; exit 1; }

echo "== recording $((count * rounds)) notifications (seed $seed)" >&2
/usr/bin/python3 "$shared/notify.py" --seed "$seed" --count "$((count * rounds))" --kinds "$kinds" \
  --out "$work/input.jsonl" --no-send >/dev/null

echo "== declaring queues, then publishing with the collector stopped" >&2
start_collector
kill "$collector"; wait "$collector" 2>/dev/null || true
/usr/bin/python3 "$shared/notify.py" --replay "$work/input.jsonl" \
  --url "amqp://guest:guest@127.0.0.1:5672/$vhost" >/dev/null
messages=$(wc -l < "$work/input.jsonl")

if [ "$mode" = ack-only ]; then
  echo "== draining with a consumer that only acknowledges" >&2
  # What the rest of the machine took while the consumer's JVM ran (its start included: the consumer
  # times its drain itself and says nothing of when it was).
  busy() { awk 'NR == 1 { s = 0; for (i = 2; i <= NF; i++) s += $i; print s - $5 - $6 }' /proc/stat; }
  r0=$(ticks "$rabbit"); b0=$(busy); t0=$(date +%s.%N); times > "$work/times0"
  java -cp "$top/collector/target/test-classes:$top/collector/target/classes:$(cat "$work/classpath.txt")" \
    io.meterflow.collector.BenchAckOnlyConsumer "amqp://guest:guest@127.0.0.1:5672/$vhost" \
    meterflow.notifications.info "$messages" "${METERFLOW_AMQP_CONCURRENCY:-2}" "${METERFLOW_AMQP_PREFETCH:-1000}" \
    "${METERFLOW_AMQP_BATCH_SIZE:-250}" > "$work/ack-only.json"
  times > "$work/times1"; t1=$(date +%s.%N); b1=$(busy); r1=$(ticks "$rabbit")
  /usr/bin/python3 - "$(cat "$work/ack-only.json")" "$((r1 - r0))" "$(getconf CLK_TCK)" "$((b1 - b0))" \
    "$work/times0" "$work/times1" "$t0" "$t1" <<'PY'
import json, re, sys
d = json.loads(sys.argv[1]); hz = int(sys.argv[3])
def children_cpu(path):  # the second line of bash's `times`: user and system time of waited-for children
    return sum(int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", open(path).read().splitlines()[1]))
rabbit = int(sys.argv[2]) / hz
consumer = children_cpu(sys.argv[6]) - children_cpu(sys.argv[5])
d["rabbit_cpu_s"] = round(rabbit, 2)
d["consumer_jvm_cpu_s"] = round(consumer, 2)
d["consumer_jvm_run_s"] = round(float(sys.argv[8]) - float(sys.argv[7]), 2)
d["other_processes_cpu_s_during_run"] = round(int(sys.argv[4]) / hz - rabbit - consumer, 2)
print(json.dumps(d))
PY
  exit 0
fi

echo "== draining" >&2
start_collector
# One monitor process polling every 50 ms: a curl and a Python start per poll would take a tenth of
# the two cores from the run being measured.
/usr/bin/python3 - "$port" "$messages" "$rounds" "$collector" "$rabbit" "$kafka" <<'PY'
import json, os, sys, time, urllib.request
port, total, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pids = [int(p) for p in sys.argv[4:7]]
hz = os.sysconf("SC_CLK_TCK")

def counts():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/metrics", timeout=5) as r:
            m = json.load(r)["meters"]
    except OSError:
        return None
    return {k: m["collector." + k]["count"] for k in
            ("notifications.received", "notifications.acknowledged", "samples.published", "notifications.dropped",
             "notifications.dead_lettered")}

def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0

def threads(pid):  # CPU seconds so far per thread kind (digits dropped from the names)
    by_kind = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                name, rest = f.read().split("(", 1)[1].rsplit(")", 1)
        except OSError:
            continue
        fields = rest.split()
        kind = "".join(ch for ch in name if not ch.isdigit()).strip(" -#")
        by_kind[kind] = by_kind.get(kind, 0) + (int(fields[11]) + int(fields[12])) / hz
    return by_kind

def busy():  # CPU seconds the whole machine has spent, every process (what the others take shows)
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / hz

def mark(c):
    return {"t": time.time(), "ticks": [ticks(p) for p in pids], "threads": threads(pids[0]), "counts": c,
            "busy": busy()}

def crossing(a, b, key, target):  # the mark where counts[key] reached target, linear between two polls
    x0, x1 = a["counts"][key], b["counts"][key]
    f = 1.0 if x1 <= x0 else min(max((target - x0) / (x1 - x0), 0.0), 1.0)
    between = lambda u, v: u + (v - u) * f
    return {"t": between(a["t"], b["t"]), "ticks": [between(u, v) for u, v in zip(a["ticks"], b["ticks"])],
            "threads": {k: between(a["threads"].get(k, 0), v) for k, v in b["threads"].items()},
            "counts": b["counts"], "busy": between(a["busy"], b["busy"])}

# The first delivery, then each time another N notifications are acknowledged (all in Kafka). Each
# poll of /admin/metrics costs the collector CPU (JSON of every JVM gauge, a thread scan), so it
# polls every 250 ms and places each mark between the two polls around it, by the counter.
marks = []
per_round = total // rounds
previous = None
while len(marks) <= rounds:
    c = counts()
    if c:
        current = mark(c)
        if not marks and c["notifications.received"] > 0:
            marks.append(crossing(previous, current, "notifications.received", 1) if previous else current)
        while marks and len(marks) <= rounds and c["notifications.acknowledged"] >= per_round * len(marks):
            marks.append(crossing(previous, current, "notifications.acknowledged", per_round * len(marks)))
        previous = current
    time.sleep(0.05 if not marks else 0.25)
time.sleep(1)  # the last batch's other counters are updated just after its acknowledgement
final = counts()

def figures(a, b, n):
    seconds = max(b["t"] - a["t"], 1e-9)
    collector, rabbit, kafka = ((y - x) / hz for x, y in zip(a["ticks"], b["ticks"]))
    by_thread = {k: v - a["threads"].get(k, 0) for k, v in b["threads"].items()}
    return {"notifications": n, "seconds": round(seconds, 3), "notifications_per_s": round(n / seconds),
            "collector_cpu_s": round(collector, 2), "collector_cpu_ms_per_notification": round(1000 * collector / n, 3),
            "rabbit_cpu_s": round(rabbit, 2), "kafka_cpu_s": round(kafka, 2),
            "other_processes_cpu_s": round(b["busy"] - a["busy"] - collector - rabbit - kafka, 2),
            "collector_cpu_s_by_thread": {k: round(v, 2) for k, v in sorted(by_thread.items(), key=lambda kv: -kv[1])
                                          if v >= 0.05}}

cold = figures(marks[0], marks[1], per_round)
result = {"system": "meterflow-collector", "phase": "drain", **cold,
          "samples": final["samples.published"], "skipped": final["notifications.dropped"],
          "dead_lettered": final["notifications.dead_lettered"],
          "samples_per_s": round(final["samples.published"] / rounds / cold["seconds"]),
          "collector_cpu_s_total": round(ticks(pids[0]) / hz, 2)}
if rounds > 1:
    result["rounds"] = [figures(marks[i], marks[i + 1], per_round) for i in range(rounds)]
print(json.dumps(result))
PY
