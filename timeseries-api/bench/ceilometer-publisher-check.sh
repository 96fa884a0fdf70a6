#!/bin/bash
# ceilometer-publisher-check.sh — runs the real Ceilometer notification agent (Debian's
# python3-ceilometer, Zed) with its unchanged gnocchi:// publisher against a Gnocchi-compatible
# server, feeds it the golden notifications and checks what the server was asked and what it keeps.
#
#   bench/ceilometer-publisher-check.sh URL [--user admin] [--golden DIR] [--keep] [--dump FILE]
#
# URL       server root, e.g. http://127.0.0.1:8071 (basic auth: the publisher authenticates with
#           gnocchiclient's keystoneauth plugin gnocchi-basic as --user, which must be an admin)
# --golden  directory with notify.py, golden-input.jsonl and golden-expected-by-seq.jsonl
#           (default: shared/ceilometer beside the repository, ../shared from its root)
# --keep    keep the run directory (configuration, agent log, recorded HTTP exchanges)
# --dump    write the resources, attributes and measures found (JSON) to FILE, to compare servers
#
# Needs RabbitMQ on 127.0.0.1:5672 (guest/guest, rabbitmqctl), ceilometer-agent-notification,
# python3-gnocchiclient, python3-requests. Starts, and always stops and deletes: a RabbitMQ virtual
# host of its own, a recording HTTP proxy between the publisher and URL, the agent. The server
# must already run; the check writes to it (resources, metrics, measures; run it on an empty one
# for the attribute and measure checks to mean what they say). Steps:
#   1. ceilometer-upgrade (creates/patches Ceilometer's resource types; must exit 0)
#   2. the agent (meter and event pipelines, both to gnocchi://) drains golden-input.jsonl
#   3. checks: every HTTP answer the publisher got is 2xx or one it handles on purpose, no ERROR
#      in the agent log, resource types and archive policies, every resource the samples name
#      (type, ids, attributes), its metrics (policy, unit) and measures (GET ?refresh=true).
# The drain is CPU-heavy: on a shared machine run it under `flock /tmp/meterflow-bench.lock`.
# Last line: "N passed, M failed"; exit 1 if anything failed, 2 if it could not run.
set -uo pipefail

URL=""; GUSER=admin; GOLDEN="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)/shared/ceilometer"; KEEP=0; DUMP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) GUSER=$2; shift 2 ;;
    --golden) GOLDEN=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --dump) DUMP=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) URL=${1%/}; shift ;;
  esac
done
[ -n "$URL" ] || { echo "usage: $0 URL [--user admin] [--golden DIR] [--keep] [--dump FILE]" >&2; exit 2; }
PY=/usr/bin/python3
HERE=$(cd "$(dirname "$0")" && pwd)
for tool in rabbitmqctl ceilometer-agent-notification ceilometer-upgrade; do
  command -v $tool >/dev/null || { echo "$tool missing" >&2; exit 2; }
done
curl -sf "$URL/" >/dev/null || { echo "no server answering at $URL" >&2; exit 2; }

log() { echo "[publisher-check $(date +%T)] $*" >&2; }
RUN=$(mktemp -d /tmp/ceilometer-publisher-check.XXXXXX)
VHOST=meterflow-publisher-check-$$
PROXY_PID=""; AGENT_PID=""; FAILED_EARLY=0
cleanup() {
  if [ -n "$AGENT_PID" ]; then
    kill -TERM -- "-$AGENT_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$AGENT_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$AGENT_PID" 2>/dev/null
  fi
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
  rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1
  if [ "$KEEP" = 1 ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

rabbitmqctl -q add_vhost "$VHOST" >/dev/null && rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null \
  || { echo "cannot create RabbitMQ vhost $VHOST" >&2; exit 2; }

PROXY_PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
: >"$RUN/exchanges.jsonl"
$PY "$HERE/ceilometer_publisher_check.py" proxy "$URL" "$PROXY_PORT" "$RUN/exchanges.jsonl" 2>"$RUN/proxy.err" &
PROXY_PID=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PROXY_PORT/" >/dev/null && break; sleep 0.1; done

cat >"$RUN/ceilometer.conf" <<EOF
[DEFAULT]
transport_url = rabbit://guest:guest@127.0.0.1:5672/$VHOST
pipeline_cfg_file = $RUN/pipeline.yaml
event_pipeline_cfg_file = $RUN/event_pipeline.yaml
log_file = $RUN/agent.log
debug = false
[notification]
workers = 1
pipelines = meter
pipelines = event
[meter]
meter_definitions_dirs = /usr/lib/python3/dist-packages/ceilometer/data/meters.d
[service_credentials]
# No Keystone: gnocchiclient's keystoneauth plugin sends "Authorization: basic user:" and makes
# every endpoint lookup (metric, and identity for filter_project) answer this URL.
auth_type = gnocchi-basic
user = $GUSER
endpoint = http://127.0.0.1:$PROXY_PORT
[oslo_messaging_notifications]
topics = notifications
EOF
for kind in pipeline event_pipeline; do
  if [ $kind = pipeline ]; then what=meters; else what=events; fi
  cat >"$RUN/$kind.yaml" <<EOF
---
sources:
    - name: ${what}_source
      $what: ["*"]
      sinks: [${what}_sink]
sinks:
    - name: ${what}_sink
      publishers:
          - gnocchi://
EOF
done

FAIL=0
log "ceilometer-upgrade"
if (cd "$RUN" && timeout 120 ceilometer-upgrade --config-file "$RUN/ceilometer.conf" --retry 1 >"$RUN/upgrade.out" 2>&1); then
  UPGRADE="ceilometer-upgrade: 1 passed, 0 failed"
else
  UPGRADE="ceilometer-upgrade: 0 passed, 1 failed (see $RUN/agent.log)"; FAIL=1; KEEP=1
fi
mv "$RUN/agent.log" "$RUN/upgrade.log" 2>/dev/null

log "starting the agent"
setsid ceilometer-agent-notification --config-file "$RUN/ceilometer.conf" >"$RUN/agent.stdout" 2>&1 &
AGENT_PID=$!
queues() { rabbitmqctl -q list_queues -p "$VHOST" name messages consumers 2>/dev/null | awk 'NR>1'; }
for _ in $(seq 1 120); do
  queues | awk '$1=="notifications.info" && $3>0{f=1} END{exit !f}' && break
  kill -0 "$AGENT_PID" 2>/dev/null || { echo "agent died, see $RUN/agent.stdout" >&2; KEEP=1; exit 2; }
  sleep 0.5
done

log "replaying $(wc -l <"$GOLDEN/golden-input.jsonl") notifications"
$PY "$GOLDEN/notify.py" --url "rabbit://guest:guest@127.0.0.1:5672/$VHOST" --replay "$GOLDEN/golden-input.jsonl" \
  --rate 0 --quiet >"$RUN/notify.out" 2>&1 || { echo "notify.py failed: $(tail -3 "$RUN/notify.out")" >&2; KEEP=1; exit 2; }

# Drained: the queues the agent consumes are empty and the publisher made no request for 5 s.
# (versioned_notifications.info has no consumer in Zed's agent: its messages stay, not our business.)
last=-1; quiet=0
for _ in $(seq 1 600); do
  waiting=$(queues | awk '$3>0{s+=$2} END{print s+0}')
  now=$(wc -l <"$RUN/exchanges.jsonl")
  if [ "$waiting" = 0 ] && [ "$now" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
  [ $quiet -ge 10 ] && break
  last=$now
  sleep 0.5
done
log "drained: $(wc -l <"$RUN/exchanges.jsonl") requests"

$PY "$HERE/ceilometer_publisher_check.py" check "$URL" --user "$GUSER" \
  --samples "$GOLDEN/golden-expected-by-seq.jsonl" --exchanges "$RUN/exchanges.jsonl" \
  --agent-log "$RUN/agent.log" ${DUMP:+--dump "$DUMP"} >"$RUN/check.out" 2>"$RUN/check.err"
RC=$?
if [ $RC -gt 1 ] || ! tail -1 "$RUN/check.out" | grep -qE '^[0-9]+ passed, [0-9]+ failed$'; then
  cat "$RUN/check.out"; tail -20 "$RUN/check.err"; KEEP=1; exit 2
fi
echo "$UPGRADE"
head -n -1 "$RUN/check.out"
read -r P _ F _ < <(tail -1 "$RUN/check.out")
[ $RC -eq 0 ] || KEEP=1
echo "$((P + 1 - FAIL)) passed, $((F + FAIL)) failed"
[ $RC -eq 0 ] && [ $FAIL -eq 0 ]
