#!/bin/bash
# poll-benchmark.sh - seconds per polling cycle over one libvirt test-driver node of N Nova-like
# domains (default 1000): Meterflow's `poll --once` against Ceilometer Zed's own pollsters
# (ceilo_poll_libvirt.py), in one run on the same node file, and the ratio.
#
#   collector/libvirt/bench/poll-benchmark.sh [N]        (after: ./mvnw -o install -pl collector/libvirt)
#
# Needs libvirt0 + libvirt-daemon (the test driver), python3-ceilometer and python3-libvirt.
# CEILOMETER_TOOLS points at the directory with libvirt-test-domains.sh and ceilo_poll_libvirt.py
# (default: ../shared/ceilometer next to the repository).
#
# Figures per cycle:
#  * Meterflow, whole process: JVM start + connect + one cycle + JSON lines written (what
#    `poll --once` costs), with ONCE_JAVA_OPTS (default: C1 only and serial GC, right for a
#    one-shot JVM); its first cycle's own duration (cold JIT) is printed too;
#  * Meterflow, cycle only: median cycle duration of cycles 6..10 of `--once --cycles 10` in one JVM
#    with default flags: what the long-running agent spends per cycle;
#  * Ceilometer, whole process: Python start + discovery + every compute pollster, one round;
#  * Ceilometer, cycle only: (time of 3 rounds - time of 1 round) / 2, interval 0.
# Shut-off domains (one in four) are skipped by both. Each is run RUNS times (default 3); the
# median is printed.
set -euo pipefail
N="${1:-1000}"
RUNS="${RUNS:-3}"
HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(dirname "$HERE")"
ROOT="$(cd "$MODULE/../.." && pwd)"
TOOLS="${CEILOMETER_TOOLS:-$ROOT/../shared/ceilometer}"
WORK="$(mktemp -d /tmp/poll-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
JAR="$(ls "$MODULE"/target/meterflow-libvirt-polling-*.jar | grep -v -e sources -e tests | head -1)"
[ -n "$JAR" ] && [ -d "$MODULE/target/lib" ] || { echo "build first: ./mvnw -o install -pl collector/libvirt" >&2; exit 1; }

NODE="$WORK/node-$N.xml"
"$TOOLS/libvirt-test-domains.sh" "$NODE.raw" "$N" >/dev/null 2>&1 || true
# libvirt-test-domains.sh writes MACs like fa:16:3e:100:00:110 past 255 domains: make them valid
# and unique (domain number in two octets, NIC number in the last).
/usr/bin/python3 - "$NODE.raw" "$NODE" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
def mac(m):
    i, k = int(m.group(1), 16), int(m.group(2), 16)
    return 'fa:16:3e:%02x:%02x:%02x' % (i >> 8, i & 0xff, k)
s = re.sub(r'fa:16:3e:([0-9a-f]+):([0-9a-f]+):([0-9a-f]+)', mac, s)
s = re.sub(r'fa163e([0-9a-f]{6,})', lambda m: 'fa163e' + m.group(1)[:6], s)
open(sys.argv[2], 'w').write(s)
PY
URI="test://$NODE"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ONCE_JAVA_OPTS="${ONCE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
poll() {  # java options, then poll arguments
  local opts="$1"; shift
  # shellcheck disable=SC2086
  java $opts -cp "$JAR:$MODULE/target/lib/*" io.meterflow.collector.polling.cli.PollCommand \
      poll --once --uri "$URI" --host compute-01 "$@"
}
mf_proc=(); mf_first=(); mf_cycle=(); mf_samples=0
for _ in $(seq "$RUNS"); do
  t0=$(now)
  poll "$ONCE_JAVA_OPTS" >"$WORK/mf.jsonl" 2>"$WORK/mf.err"
  t1=$(now)
  mf_proc+=("$(echo "$t1 - $t0" | bc -l)")
  mf_first+=("$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$WORK/mf.err" | tail -1)")
  mf_samples=$(wc -l <"$WORK/mf.jsonl")
  poll "" --cycles 10 >/dev/null 2>"$WORK/mf10.err"
  mf_cycle+=("$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$WORK/mf10.err" | tail -5 | median)")
done

ceilo() {  # rounds -> seconds
  local t0 t1
  t0=$(now)
  /usr/bin/python3 "$TOOLS/ceilo_poll_libvirt.py" "$URI" --rounds "$1" --interval 0 >"$WORK/ceilo-$1.jsonl" 2>/dev/null
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}
ce_proc=(); ce_cycle=(); ce_samples=0
for _ in $(seq "$RUNS"); do
  one=$(ceilo 1)
  three=$(ceilo 3)
  ce_proc+=("$one")
  ce_cycle+=("$(echo "($three - $one) / 2" | bc -l)")
  ce_samples=$(grep -vc '"_error"' "$WORK/ceilo-1.jsonl" || true)
done

MFP=$(printf '%s\n' "${mf_proc[@]}" | median)
MFF=$(printf '%s\n' "${mf_first[@]}" | median)
MFC=$(printf '%s\n' "${mf_cycle[@]}" | median)
CEP=$(printf '%s\n' "${ce_proc[@]}" | median)
CEC=$(printf '%s\n' "${ce_cycle[@]}" | median)
printf 'domains: %d (%s), runs: %d, cores: %s\n' "$N" "$URI" "$RUNS" "$(nproc)"
printf 'meterflow  poll --once: %7.3f s per process (first cycle %.3f s), %7.3f s per warm cycle, %d samples\n' \
    "$MFP" "$MFF" "$MFC" "$mf_samples"
printf 'ceilometer pollsters : %7.3f s per process,                      %7.3f s per cycle,      %d samples\n' \
    "$CEP" "$CEC" "$ce_samples"
printf 'ratio (ceilometer / meterflow): %.1fx per process, %.1fx per cycle (warm), %.1fx per cycle (first, cold JVM)\n' \
    "$(echo "$CEP / $MFP" | bc -l)" "$(echo "$CEC / $MFC" | bc -l)" "$(echo "$CEC / $MFF" | bc -l)"
