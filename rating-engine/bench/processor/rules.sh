#!/bin/bash
# rules.sh CK_URL — configure the hashmap rules of the processor benchmark through CloudKitty's v1 API.
#
# Works against a real CloudKitty (noauth, or keystone with CK_TOKEN=<token> sent as X-Auth-Token)
# and against any CloudKitty-compatible API (Meterflow's `bin/meterflow rating`). Plain curl, no
# cloudkittyclient: only the documented v1 calls. Idempotent: the services instance/volume/image and
# the groups below are deleted first (group deletes are recursive), then created again.
#
# The rules (rating types = alt_name of metrics.yml):
#   module   hashmap enabled, priority 1 (PUT /v1/rating/modules/hashmap)
#   instance group instance_uptime; field flavor_name, flat per instance-hour:
#              m1.tiny 0.01, m1.small 0.02, m1.medium 0.04, m1.large 0.08, m1.xlarge 0.16
#   volume   group volume_storage; service mapping flat 0.0005 (per GiB-hour: flat is the unit price,
#              multiplied by qty); field volume_type: ssd rate 2, nvme rate 3 (multipliers of that
#              unit price, same group). "standard" has no field mapping and keeps 0.0005.
#   image    no group (_DEFAULT_); service mapping flat 0.00002 per MiB-hour; service threshold
#              level 10240 (MiB), type rate, cost 0.8: images of 10 GiB or more get 20 % off the line.
# CloudKitty semantics to remember (shared/reference/cloudkitty-model.md (c)): a rate mapping alone
# prices 0 (rate * flat 0 * qty); flat mappings of one group take the max; a service threshold of
# type rate multiplies the line total.
#
# Prints the ids it created as JSON on stdout (for checks), progress on stderr.
set -euo pipefail
URL=${1:?usage: rules.sh CK_URL   (e.g. http://127.0.0.1:18899)}
URL=${URL%/}
HM=$URL/v1/rating/module_config/hashmap
HDR=(-H 'Content-Type: application/json' -H 'Accept: application/json')
if [ -n "${CK_TOKEN:-}" ]; then HDR+=(-H "X-Auth-Token: $CK_TOKEN"); fi

log() { echo "[rules] $*" >&2; }
# req METHOD URL [BODY] -> response body on stdout; exits on HTTP >= 400 (302 is CloudKitty's PUT answer)
req() {
  local out code
  out=$(mktemp)
  code=$(curl -sS -o "$out" -w '%{http_code}' -X "$1" "${HDR[@]}" ${3:+--data "$3"} "$2") || { rm -f "$out"; log "$1 $2: curl failed"; exit 1; }
  if [ "$code" -ge 400 ]; then log "$1 $2 -> HTTP $code: $(head -c 400 "$out")"; rm -f "$out"; exit 1; fi
  cat "$out"; rm -f "$out"
}
# json EXPR: evaluate a Python expression over the JSON document read from stdin (as `d`)
json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# ---------------------------------------------------------------- module
req PUT "$URL/v1/rating/modules/hashmap" '{"module_id": "hashmap", "enabled": true, "priority": 1}' >/dev/null
enabled=$(req GET "$URL/v1/rating/modules/hashmap" | json 'd["enabled"]')
[ "$enabled" = True ] || { log "hashmap module not enabled (enabled=$enabled)"; exit 1; }
log "hashmap module enabled"

# ---------------------------------------------------------------- clean earlier runs
for sid in $(req GET "$HM/services" | json '" ".join(s["service_id"] for s in d["services"] if s["name"] in ("instance","volume","image"))'); do
  req DELETE "$HM/services/$sid" >/dev/null
done
for gid in $(req GET "$HM/groups" | json '" ".join(g["group_id"] for g in d["groups"] if g["name"] in ("instance_uptime","volume_storage"))'); do
  req DELETE "$HM/groups/$gid?recursive=true" >/dev/null
done

# ---------------------------------------------------------------- groups, services, fields
create() {  # PATH BODY KEY -> id
  req POST "$HM/$1" "$2" | json "d[\"$3\"]"
}
g_inst=$(create groups '{"name": "instance_uptime"}' group_id)
g_vol=$(create groups '{"name": "volume_storage"}' group_id)
s_inst=$(create services '{"name": "instance"}' service_id)
s_vol=$(create services '{"name": "volume"}' service_id)
s_img=$(create services '{"name": "image"}' service_id)
f_flavor=$(create fields "{\"service_id\": \"$s_inst\", \"name\": \"flavor_name\"}" field_id)
f_vtype=$(create fields "{\"service_id\": \"$s_vol\", \"name\": \"volume_type\"}" field_id)

# ---------------------------------------------------------------- mappings and thresholds
n=0
for fc in m1.tiny:0.01 m1.small:0.02 m1.medium:0.04 m1.large:0.08 m1.xlarge:0.16; do
  create mappings "{\"field_id\": \"$f_flavor\", \"value\": \"${fc%%:*}\", \"type\": \"flat\", \"cost\": \"${fc#*:}\", \"group_id\": \"$g_inst\"}" mapping_id >/dev/null
  n=$((n + 1))
done
create mappings "{\"service_id\": \"$s_vol\", \"type\": \"flat\", \"cost\": \"0.0005\", \"group_id\": \"$g_vol\"}" mapping_id >/dev/null
create mappings "{\"field_id\": \"$f_vtype\", \"value\": \"ssd\", \"type\": \"rate\", \"cost\": \"2\", \"group_id\": \"$g_vol\"}" mapping_id >/dev/null
create mappings "{\"field_id\": \"$f_vtype\", \"value\": \"nvme\", \"type\": \"rate\", \"cost\": \"3\", \"group_id\": \"$g_vol\"}" mapping_id >/dev/null
create mappings "{\"service_id\": \"$s_img\", \"type\": \"flat\", \"cost\": \"0.00002\"}" mapping_id >/dev/null
create thresholds "{\"service_id\": \"$s_img\", \"level\": \"10240\", \"type\": \"rate\", \"cost\": \"0.8\"}" threshold_id >/dev/null
n=$((n + 4))
log "created 2 groups, 3 services, 2 fields, $n mappings, 1 threshold"

cat <<EOF
{"groups": {"instance_uptime": "$g_inst", "volume_storage": "$g_vol"},
 "services": {"instance": "$s_inst", "volume": "$s_vol", "image": "$s_img"},
 "fields": {"instance.flavor_name": "$f_flavor", "volume.volume_type": "$f_vtype"}}
EOF
