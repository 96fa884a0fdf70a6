#!/bin/bash
# gnocchiclient-check.sh — runs Debian's gnocchiclient CLI (python3-gnocchiclient, `gnocchi`)
# against a Gnocchi-compatible server and checks every answer.
#
#   bench/gnocchiclient-check.sh URL [--user admin] [--extended] [--refresh-reads] [--keep] [--log-dir DIR] [-v]
#
# URL      server root, e.g. http://127.0.0.1:8061 (basic auth; the user must be an admin)
# --extended  also run commands outside the core set (server version, measures aggregation,
#             aggregates, resource-type/resource, batch-resources-metrics)
# --refresh-reads  add --refresh to every `measures show` (for servers that aggregate
#             asynchronously, e.g. real Gnocchi; Meterflow aggregates on write and needs none)
# --keep      do not delete the objects created (they all carry a random suffix, so the
#             check can run repeatedly against the same server)
# --log-dir   keep every command's stdout and --debug stderr there (default: a temp dir,
#             removed at the end unless something failed)
# -v          print every command's output, not only failures
#
# Every command runs with --debug (its stderr, with gnocchiclient's REQ/RESP lines, is shown for
# failures). A step passes when the exit code is the expected one and the output checks hold.
# Exits 1 if any step failed; the last line is always "N passed, M failed".
set -uo pipefail

URL=""; GUSER=admin; EXTENDED=0; KEEP=0; VERBOSE=0; LOGDIR=""; RF=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) GUSER=$2; shift 2 ;;
    --extended) EXTENDED=1; shift ;;
    --keep) KEEP=1; shift ;;
    --refresh-reads) RF=--refresh; shift ;;
    --log-dir) LOGDIR=$2; shift 2 ;;
    -v|--verbose) VERBOSE=1; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) URL=${1%/}; shift ;;
  esac
done
[ -n "$URL" ] || { echo "usage: $0 URL [--user admin] [--extended] [--keep] [--log-dir DIR] [-v]" >&2; exit 2; }
command -v gnocchi >/dev/null || { echo "gnocchi CLI missing: apt-get install -y python3-gnocchiclient" >&2; exit 2; }
PY=/usr/bin/python3
KEEP_LOGS=1
if [ -z "$LOGDIR" ]; then LOGDIR=$(mktemp -d /tmp/gnocchiclient-check.XXXXXX); KEEP_LOGS=0; fi
mkdir -p "$LOGDIR"
export TZ=UTC            # the CLI prints timestamps in the local zone unless --utc
G=(gnocchi --debug --os-auth-type gnocchi-basic --user "$GUSER" --endpoint "$URL")
S=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')   # suffix of every name we create
PASS=0; FAIL=0; N=0; FAILED=()
OUT=""; RC=0

# step NAME [CHECK...] -- GNOCCHI-ARGS...
# CHECKS: rc=N (default 0; rc=fail means any non-zero), has=TEXT (stdout contains TEXT),
#         err=TEXT (stderr contains TEXT, case-insensitive), json=PYEXPR (stdout parsed as JSON is d;
#         the expression must be true).
# Sets OUT (stdout) and RC for later steps.
step() {
  local name=$1; shift
  local checks=()
  while [ "$1" != "--" ]; do checks+=("$1"); shift; done
  shift
  N=$((N + 1))
  local tag; tag=$(printf '%02d' "$N")
  local out=$LOGDIR/$tag.out err=$LOGDIR/$tag.err
  printf '%s\n' "${G[*]} $*" > "$LOGDIR/$tag.cmd"
  "${G[@]}" "$@" > "$out" 2> "$err"
  RC=$?
  OUT=$(cat "$out")
  local want=0 why=() c
  for c in "${checks[@]}"; do
    case "$c" in
      rc=*) want=${c#rc=} ;;
    esac
  done
  if [ "$want" = fail ]; then
    [ "$RC" -ne 0 ] || why+=("expected a failure, got exit 0")
  elif [ "$RC" -ne "$want" ]; then
    why+=("exit $RC, expected $want")
  fi
  for c in "${checks[@]}"; do
    case "$c" in
      has=*) grep -qF -- "${c#has=}" "$out" || why+=("stdout lacks '${c#has=}'") ;;
      err=*) grep -qiF -- "${c#err=}" "$err" || why+=("stderr lacks '${c#err=}'") ;;
      json=*)
        if ! CHECK_EXPR=${c#json=} $PY -c '
import json, os, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(os.environ["CHECK_EXPR"]) else 1)' "$out" 2>>"$err"; then
          why+=("json check failed: ${c#json=}")
        fi ;;
    esac
  done
  if [ ${#why[@]} -eq 0 ]; then
    PASS=$((PASS + 1))
    echo "PASS $tag $name"
    if [ "$VERBOSE" = 1 ]; then
      echo "  \$ gnocchi $*"; sed 's/^/  | /' "$out" | head -40
    fi
  else
    FAIL=$((FAIL + 1)); FAILED+=("$tag $name")
    echo "FAIL $tag $name: ${why[*]}"
    echo "  \$ gnocchi $* (exit $RC)"
    sed 's/^/  | /' "$out" | head -30
    # the HTTP exchange and the error message from the --debug log
    grep -E '^(REQ|RESP|RESP BODY)|HTTP [0-9]{3}|Error|error|Exception|not |Not ' "$err" \
      | grep -v '^  File ' | sed 's/^/  ! /' | tail -25
  fi
}

field() {  # field NAME: value of NAME in the last step's "-f json" object
  printf '%s' "$OUT" | $PY -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$1" 2>/dev/null
}

AP=cli-ap-$S AP2=cli-ap2-$S RULE=cli-rule-$S RULE2=cli-rule2-$S PATTERN="cli-$S.*"
T0=2024-01-01T12:00

echo "# gnocchiclient $(dpkg-query -W -f='${Version}' python3-gnocchiclient 2>/dev/null) against $URL (suffix $S, logs $LOGDIR)"

# ------------------------------------------------------------------ server-wide
step "capabilities list" has=aggregation_methods has=mean -- capabilities list
step "capabilities list -f json" 'json=("mean" in d["aggregation_methods"])' -- capabilities list -f json
step "status" has="storage/total number of measures to process" -- status
step "status -f json" 'json=(isinstance(d, dict) and "storage/number of metric having measures to process" in d)' -- status -f json

# ------------------------------------------------------------------ archive policies
step "archive-policy list" has=name -- archive-policy list
step "archive-policy create" has="$AP" has="0:00:01" -- archive-policy create "$AP" \
  -d granularity:1s,timespan:1h -d granularity:1m,points:60 -b 0 \
  -m mean -m min -m max -m sum -m count -m last -m std
step "archive-policy create -f json" \
  'json=(d["name"].startswith("cli-ap2-") and d["back_window"] == 0 and len(d["definition"]) == 1)' \
  -- archive-policy create "$AP2" -d granularity:5m,points:12 -m mean -f json
step "archive-policy create duplicate -> 409" rc=fail err="already exists" -- \
  archive-policy create "$AP" -d granularity:1s,timespan:1h
step "archive-policy show" has="$AP" has="std" -- archive-policy show "$AP"
step "archive-policy show -f json" \
  'json=(d["name"].startswith("cli-ap-") and sorted(d["aggregation_methods"]) == ["count","last","max","mean","min","std","sum"] and [x["points"] for x in d["definition"]] == [3600, 60] and d["definition"][0]["granularity"] == "0:00:01" and d["definition"][1]["timespan"] == "1:00:00")' \
  -- archive-policy show "$AP" -f json
step "archive-policy list (contains new)" has="$AP" has="$AP2" -- archive-policy list
step "archive-policy list -f json" 'json=(any(p["name"].startswith("cli-ap-") for p in d))' -- archive-policy list -f json
step "archive-policy update (timespan 1h -> 2h)" \
  'json=([x["timespan"] for x in d["definition"]] == ["2:00:00", "1:00:00"] and [x["points"] for x in d["definition"]] == [7200, 60])' \
  -- archive-policy update "$AP" -d granularity:1s,timespan:2h -d granularity:1m,points:60 -f json
step "archive-policy update changing granularities -> 400" rc=fail err="granularit" -- \
  archive-policy update "$AP" -d granularity:2s,timespan:2h -d granularity:1m,points:60
step "archive-policy show unknown -> 404" rc=fail err="not" -- archive-policy show "cli-nope-$S"

# ------------------------------------------------------------------ archive policy rules
step "archive-policy-rule create" has="$RULE" has="$PATTERN" -- \
  archive-policy-rule create "$RULE" -a "$AP" -m "$PATTERN"
step "archive-policy-rule create duplicate -> 409" rc=fail err="already exists" -- \
  archive-policy-rule create "$RULE" -a "$AP" -m "$PATTERN"
step "archive-policy-rule create unknown policy -> 400" rc=fail -- \
  archive-policy-rule create "cli-rule-bad-$S" -a "cli-nope-$S" -m "zz-$S.*"
step "archive-policy-rule show" has="$RULE" has="$AP" -- archive-policy-rule show "$RULE"
step "archive-policy-rule show -f json" \
  "json=(d['name'] == '$RULE' and d['archive_policy_name'] == '$AP' and d['metric_pattern'] == '$PATTERN')" \
  -- archive-policy-rule show "$RULE" -f json
step "archive-policy-rule list" has="$RULE" -- archive-policy-rule list
step "archive-policy-rule list -f json" "json=(any(r['name'] == '$RULE' for r in d))" -- archive-policy-rule list -f json
step "archive-policy-rule update (rename)" "json=(d['name'] == '$RULE2' and d['metric_pattern'] == '$PATTERN')" -- \
  archive-policy-rule update "$RULE" -n "$RULE2" -f json
step "archive-policy-rule show old name -> 404" rc=fail err="not" -- archive-policy-rule show "$RULE"
step "archive-policy-rule show new name" has="$RULE2" -- archive-policy-rule show "$RULE2"
RULE_NOW=$RULE2; [ "$RC" = 0 ] || RULE_NOW=$RULE     # so the deletes below do not cascade

# ------------------------------------------------------------------ metrics
step "metric create -a POLICY NAME --unit" \
  "json=(d['archive_policy_name'] == '$AP' and d['name'] == 'm1-$S' and d['unit'] == 'ms')" \
  -- metric create -a "$AP" "m1-$S" --unit ms -f json
M1=$(field id)
step "metric create by rule (name matches pattern)" \
  "json=(d['archive_policy_name'] == '$AP' and d['name'] == 'cli-$S.cpu' and d['unit'] is None)" \
  -- metric create "cli-$S.cpu" -f json
M2=$(field id)
step "metric create without name (-a only)" "json=(d['name'] is None and d['unit'] is None and d['archive_policy_name'] == '$AP2')" \
  -- metric create -a "$AP2" -f json
M3=$(field id)
step "metric create unknown policy -> 400" rc=fail err="does not exist" -- metric create -a "cli-nope-$S" "m9-$S"
M1=${M1:-00000000-0000-0000-0000-000000000001}; M2=${M2:-00000000-0000-0000-0000-000000000002}
M3=${M3:-00000000-0000-0000-0000-000000000003}
step "metric show" has="$M1" has="m1-$S" has="$AP" -- metric show "$M1"
step "metric show -f json" "json=(d['id'] == '$M1' and d['archive_policy/name'] == '$AP' and d['unit'] == 'ms' and 'resource/id' in d)" \
  -- metric show "$M1" -f json
step "metric show unknown -> 404" rc=fail err="does not exist" -- metric show 00000000-0000-0000-0000-0000000000ff
step "metric list" has="$M1" has="$M2" -- metric list
step "metric list -f json" "json=({'$M1', '$M2', '$M3'} <= {m['id'] for m in d} and all('archive_policy/name' in m for m in d))" \
  -- metric list -f json
step "metric list --limit 1" 'json=(len(d) == 1)' -- metric list --limit 1 -f json
step "metric list --sort name:desc --limit 1000" "json=(any(m['id'] == '$M1' for m in d))" \
  -- metric list --sort name:desc --limit 1000 -f json
FIRST=$(printf '%s' "$OUT" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["id"] if d else "")' 2>/dev/null)
step "metric list --marker" "json=(all(m['id'] != '$FIRST' for m in d))" \
  -- metric list --sort name:desc --marker "${FIRST:-$M1}" -f json

# ------------------------------------------------------------------ measures
step "measures add (5 measures)" -- measures add "$M1" \
  -m "$T0:00@10" -m "$T0:01@20" -m "$T0:02@30" -m "2024-01-01T12:01:00@40" -m "2024-01-01T12:01:30@50"
step "measures add (epoch timestamp)" -- measures add "$M3" -m "1704110400@1.5"
step "measures add unknown metric -> 404" rc=fail err="does not exist" -- \
  measures add 00000000-0000-0000-0000-0000000000ff -m "$T0:00@1"
step "measures show (all granularities, mean)" \
  'json=([(m["timestamp"], m["granularity"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 60.0, 20.0), ("2024-01-01T12:01:00+00:00", 60.0, 45.0), ("2024-01-01T12:00:00+00:00", 1.0, 10.0), ("2024-01-01T12:00:01+00:00", 1.0, 20.0), ("2024-01-01T12:00:02+00:00", 1.0, 30.0), ("2024-01-01T12:01:00+00:00", 1.0, 40.0), ("2024-01-01T12:01:30+00:00", 1.0, 50.0)])' \
  -- measures show $RF "$M1" --utc -f json
step "measures show (table, local time zone)" has="2024-01-01T12:01:30+00:00" has="45.0" -- measures show $RF "$M1"
step "measures show --aggregation max --granularity 60" \
  'json=([(m["timestamp"], m["granularity"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 60.0, 30.0), ("2024-01-01T12:01:00+00:00", 60.0, 50.0)])' \
  -- measures show $RF "$M1" --aggregation max --granularity 60 --utc -f json
step "measures show --aggregation count" \
  'json=([m["value"] for m in d if m["granularity"] == 60.0] == [3.0, 2.0])' \
  -- measures show $RF "$M1" --aggregation count --utc -f json
step "measures show --aggregation std --granularity 60" \
  'json=(abs(d[0]["value"] - 10.0) < 1e-9 and abs(d[1]["value"] - 7.0710678118654755) < 1e-9)' \
  -- measures show $RF "$M1" --aggregation std --granularity 60 --utc -f json
step "measures show --start/--stop --granularity 1 (stop exclusive)" \
  'json=([m["value"] for m in d] == [20.0, 30.0])' \
  -- measures show $RF "$M1" --granularity 1 --start "$T0:01+00:00" --stop "2024-01-01T12:01:00+00:00" --utc -f json
step "measures show --start only (start floored to each granularity)" \
  'json=([m["value"] for m in d] == [20.0, 45.0, 40.0, 50.0])' \
  -- measures show $RF "$M1" --start "2024-01-01T12:00:30+00:00" --utc -f json
step "measures show --granularity 1 --resample 60" \
  'json=([(m["timestamp"], m["granularity"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 60.0, 20.0), ("2024-01-01T12:01:00+00:00", 60.0, 45.0)])' \
  -- measures show $RF "$M1" --granularity 1 --resample 60 --utc -f json
step "measures show --aggregation max --granularity 1 --resample 120" \
  'json=([(m["timestamp"], m["granularity"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 120.0, 50.0)])' \
  -- measures show $RF "$M1" --aggregation max --granularity 1 --resample 120 --utc -f json
step "measures show --refresh" 'json=(len(d) == 7)' -- measures show $RF "$M1" --refresh --utc -f json
step "measures show unknown granularity -> 404" rc=fail err="granularity" -- measures show $RF "$M1" --granularity 5
step "measures show unknown aggregation -> 404" rc=fail err="Aggregation method" -- measures show $RF "$M1" --aggregation p42
step "measures show of metric with epoch measure" \
  'json=(d == [{"timestamp": "2024-01-01T12:00:00+00:00", "granularity": 300.0, "value": 1.5}])' \
  -- measures show $RF "$M3" --utc -f json

cat > "$LOGDIR/batch.json" <<EOF
{"$M1": [{"timestamp": "2024-01-01T12:02:00+00:00", "value": 60}, {"timestamp": "2024-01-01T12:02:10+00:00", "value": 80}],
 "$M2": [{"timestamp": "2024-01-01T12:00:00+00:00", "value": 7}, {"timestamp": "2024-01-01T12:00:05Z", "value": 9}]}
EOF
step "measures batch-metrics FILE" -- measures batch-metrics "$LOGDIR/batch.json"
step "measures show after batch (metric 1, 60 s)" \
  'json=([(m["timestamp"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 20.0), ("2024-01-01T12:01:00+00:00", 45.0), ("2024-01-01T12:02:00+00:00", 70.0)])' \
  -- measures show $RF "$M1" --granularity 60 --utc -f json
step "measures show after batch (rule metric, 1 s)" \
  'json=([(m["timestamp"], m["value"]) for m in d] == [("2024-01-01T12:00:00+00:00", 7.0), ("2024-01-01T12:00:05+00:00", 9.0)])' \
  -- measures show $RF "$M2" --granularity 1 --utc -f json
printf '{"%s": [{"timestamp": "2024-01-01T12:03:00+00:00", "value": 1}]}' "$M1" \
  | { "${G[@]}" measures batch-metrics - > "$LOGDIR/stdin.out" 2> "$LOGDIR/stdin.err"; echo $? > "$LOGDIR/stdin.rc"; }
step "measures batch-metrics - (stdin) then show" \
  'json=(d[-1] == {"timestamp": "2024-01-01T12:03:00+00:00", "granularity": 60.0, "value": 1.0})' \
  -- measures show $RF "$M1" --granularity 60 --utc -f json
[ "$(cat "$LOGDIR/stdin.rc")" = 0 ] || { echo "  (batch-metrics from stdin exited $(cat "$LOGDIR/stdin.rc"))"; sed 's/^/  ! /' "$LOGDIR/stdin.err" | grep -E 'RESP|HTTP|rror' | tail -5; }
printf '{"00000000-0000-0000-0000-0000000000ff": [{"timestamp": "2024-01-01T12:00:00", "value": 1}]}' > "$LOGDIR/bad.json"
step "measures batch-metrics unknown metric -> 400" rc=fail err="Unknown metrics" -- measures batch-metrics "$LOGDIR/bad.json"

# ------------------------------------------------------------------ optional extras
if [ "$EXTENDED" = 1 ]; then
  step "server version" has=version -- server version
  step "measures aggregation -m M1 M2 --granularity 1 (mean of means, full overlap)" \
    'json=(d == [{"timestamp": "2024-01-01T12:00:00+00:00", "granularity": 1.0, "value": 8.5}])' -- \
    measures aggregation -m "$M1" "$M2" --granularity 1 --utc -f json
  step "aggregates '(metric M1 mean)' --granularity 60" \
    'json=([m["value"] for m in d] == [20.0, 45.0, 70.0, 1.0] and d[0]["name"].endswith("/mean"))' -- \
    aggregates "(metric $M1 mean)" --granularity 60 -f json
  step "resource-type list" has=generic -- resource-type list
  RID=$($PY -c 'import uuid; print(uuid.uuid4())')
  step "resource create generic (with a metric)" has="$RID" -- resource create "$RID" --type generic -n "disk-$S:$AP"
  step "resource show" has="$RID" -- resource show "$RID"
  step "resource list" has="$RID" -- resource list
  printf '{"%s": {"cpu-%s": {"archive_policy_name": "%s", "measures": [{"timestamp": "2024-01-01T12:00:00", "value": 3}]}}}' \
    "$RID" "$S" "$AP" > "$LOGDIR/resbatch.json"
  step "measures batch-resources-metrics --create-metrics" -- \
    measures batch-resources-metrics --create-metrics "$LOGDIR/resbatch.json"
  step "resource delete" -- resource delete "$RID"
fi

# ------------------------------------------------------------------ deletes
if [ "$KEEP" = 0 ]; then
  step "archive-policy delete while in use -> 400" rc=fail err="in use" -- archive-policy delete "$AP"
  step "metric delete" -- metric delete "$M1"
  step "metric show deleted -> 404" rc=fail err="does not exist" -- metric show "$M1"
  step "metric delete (2 ids)" -- metric delete "$M2" "$M3"
  step "archive-policy-rule delete" -- archive-policy-rule delete "$RULE_NOW"
  step "archive-policy-rule show deleted -> 404" rc=fail err="not" -- archive-policy-rule show "$RULE_NOW"
  step "archive-policy delete" -- archive-policy delete "$AP"
  step "archive-policy delete (2nd policy)" -- archive-policy delete "$AP2"
  step "archive-policy show deleted -> 404" rc=fail err="not" -- archive-policy show "$AP"
  step "status after deletes" has="storage/total number of measures to process" -- status
fi

if [ "$FAIL" -gt 0 ]; then
  echo "failed: ${FAILED[*]}"
  echo "logs: $LOGDIR (NN.cmd, NN.out, NN.err = --debug output)"
elif [ "$KEEP_LOGS" = 0 ]; then
  rm -rf "$LOGDIR"
fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
