#!/usr/bin/env bash
# One session of the comparison in README.md: the real agent in Zed's default configuration and in
# its best one (2 workers, batch 100), the collector (three successive 50,000s of one JVM: cold, then
# warm) and the consumer that only acknowledges, each run alone under the machine's benchmark lock
# (other engineers' benchmarks share these 2 cores), appended to RESULTS with a "#" line per run:
# time, load average, what ran.
#   collector/bench/side-by-side.sh [N] [RESULTS]     (default 50000, results-<date>.txt here)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
n=${1:-50000}
results=${2:-$here/results-$(date +%F).txt}
lock=/tmp/meterflow-bench.lock

run_tagged() {  # tag, command...: the JSON line goes after its "#" line
  local tag=$1; shift
  flock "$lock" bash -c 'r=$0; t=$1; shift; echo "# $(date +%T) load $(cut -d" " -f1-3 /proc/loadavg) $t" >> "$r"; timeout 600 "$@" >> "$r"' \
    "$results" "$tag" "$@" || echo "# $tag failed" >> "$results"
}

run_tagged ceilo-default env PHASES=drain "$here/bench-ceilometer-beside.sh" "$n"
run_tagged ceilo-2workers-batch100 env PHASES=drain WORKERS=2 BATCH_SIZE=100 BATCH_TIMEOUT=1 \
  "$here/bench-ceilometer-beside.sh" "$n"
run_tagged collector-rounds3 env ROUNDS=3 "$here/bench-collector.sh" "$n"
run_tagged ack-only env MODE=ack-only KAFKA_WARM_UP=0 "$here/bench-collector.sh" "$n"
echo "# $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) end" >> "$results"
