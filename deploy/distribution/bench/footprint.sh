#!/usr/bin/env bash
# Startup time and memory of the all-in-one with the demo, from the distribution as a newcomer runs
# it: unpack the tarball into an empty directory, run `bin/meterflow all-in-one --demo`, and read
#   - ready: the banner's "ready in" (embedded servers and every service answering), and the time
#     until the demo's first month-to-date invoices are issued;
#   - memory after 1 and 10 minutes (or the minutes given): the JVM's RSS and the proportional
#     set size (PSS, shared pages split between processes) of the JVM plus every embedded
#     PostgreSQL process, from /proc/PID/smaps_rollup.
# usage: deploy/distribution/bench/footprint.sh [minutes...]   (build first: ./mvnw -pl deploy/distribution -am package -DskipTests)
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)
tarball=$(ls "$top"/deploy/distribution/target/meterflow-*.tar.gz)
minutes=("${@:-1 10}")
# shellcheck disable=SC2206
minutes=(${minutes[*]})
work=$(mktemp -d /tmp/meterflow-footprint.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
home=$(ls -d "$work"/meterflow-*)
cd "$home"
env -u METERFLOW_DB_URL -u METERFLOW_KAFKA -u METERFLOW_AMQP_URL bin/meterflow all-in-one --demo > "$work/out.log" 2>&1 &
pid=$!
start=$(date +%s.%N)
until grep -q "ready in" "$work/out.log"; do sleep 0.2; kill -0 "$pid" || { tail -50 "$work/out.log"; exit 1; }; done
printf 'ready (banner printed) %.1f s after the launch; the banner says: %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" \
  "$(grep -o 'ready in [0-9.]* s' "$work/out.log" | head -1)"
until grep -q "month-to-date invoices ready" "$work/out.log"; do sleep 0.5; kill -0 "$pid" || exit 1; done
printf 'demo invoices issued %.1f s after the start\n' "$(echo "$(date +%s.%N) - $start" | bc)"

java_pid() { pgrep -P "$pid" java || echo "$pid"; }
kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
report() {
  local jvm; jvm=$(java_pid)
  local rss pss pg_pss=0 pg_count=0
  rss=$(kib "$jvm" Rss); pss=$(kib "$jvm" Pss)
  # The postmaster is the process started on the data directory; its backends are its children.
  local postmaster; postmaster=$(pgrep -f "postgres -D $work" | head -1 || true)
  for p in $postmaster $( [ -n "$postmaster" ] && pgrep -P "$postmaster" ); do
    pg_pss=$((pg_pss + $(kib "$p" Pss))); pg_count=$((pg_count + 1))
  done
  printf 'after %s min: JVM RSS %d MiB (PSS %d MiB), PostgreSQL %d processes PSS %d MiB, total PSS %d MiB\n' \
    "$1" $((rss / 1024)) $((pss / 1024)) "$pg_count" $((pg_pss / 1024)) $(((pss + pg_pss) / 1024))
}
for m in "${minutes[@]}"; do
  target=$(echo "$start + $m * 60" | bc)
  while [ "$(echo "$(date +%s.%N) < $target" | bc)" = 1 ]; do sleep 1; done
  report "$m"
done
