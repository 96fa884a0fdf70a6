#!/usr/bin/env bash
# Runs ../shared/ceilometer/bench-ceilometer.sh (the real ceilometer-agent-notification) unchanged
# and adds to its drain figures what bench-collector.sh reports for the collector and that script
# does not: other_processes_cpu_s, the CPU every other process on the machine took during the drain
# (the machine is shared; this says how much a run was disturbed). Prints the agent's JSON line
# with that field added to "drain".
#   collector/bench/bench-ceilometer-beside.sh [N]     same environment knobs as bench-ceilometer.sh
# The drain window is [last sample - ready_to_last_sample_s, last sample]; the last sample's time is
# when the agent script's monitor wrote its timeline (it stops on the expected sample count).
# The agent's CPU and RabbitMQ's as that script counts them are subtracted (RabbitMQ's from a few
# seconds before the window, so the figure errs low rather than high).
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
shared=$(cd "$top/../shared/ceilometer" && pwd)
work=$(mktemp -d /tmp/meterflow-ceilo-beside.XXXXXX)
trap 'kill "$sampler" 2>/dev/null || true; rm -rf "$work"' EXIT

# Machine-wide busy CPU seconds every 100 ms, so any window can be read off afterwards.
/usr/bin/python3 - "$work/busy.tsv" <<'PY' &
import os, sys, time
hz = os.sysconf("SC_CLK_TCK")
with open(sys.argv[1], "w", buffering=1) as out:
    while True:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        out.write(f"{time.time()}\t{(sum(fields) - fields[3] - fields[4]) / hz}\n")
        time.sleep(0.1)
PY
sampler=$!

before=$(ls -d /tmp/ceilo-bench.* 2>/dev/null || true)
KEEP=1 PHASES=${PHASES:-drain} "$shared/bench-ceilometer.sh" "$@" > "$work/agent.json"
run=$(comm -13 <(echo "$before" | sort) <(ls -d /tmp/ceilo-bench.* | sort) | tail -1)
kill "$sampler"
/usr/bin/python3 - "$work/agent.json" "$work/busy.tsv" "$run/drain-timeline.json" <<'PY'
import bisect, json, os, sys
result = json.load(open(sys.argv[1]))
rows = [tuple(map(float, line.split("\t"))) for line in open(sys.argv[2]) if line.count("\t") == 1]
times = [t for t, _ in rows]
def busy_at(t):  # linear between the two readings around t
    i = min(max(bisect.bisect_left(times, t), 1), len(rows) - 1)
    (t0, b0), (t1, b1) = rows[i - 1], rows[i]
    return b0 + (b1 - b0) * (t - t0) / max(t1 - t0, 1e-9)
drain = result["drain"]
end = os.stat(sys.argv[3]).st_mtime
start = end - drain["ready_to_last_sample_s"]
drain["other_processes_cpu_s"] = round(busy_at(end) - busy_at(start) - drain["agent_cpu_s"] - drain["rabbit_cpu_s"], 2)
print(json.dumps(result))
PY
[[ "$run" == /tmp/ceilo-bench.* ]] && [ "${KEEP:-0}" != 1 ] && rm -rf "$run"
