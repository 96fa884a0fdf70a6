#!/usr/bin/env bash
# tune-postgresql.sh: gives the machine's PostgreSQL cluster the memory and WAL room of a server
# that stores time series, then restarts it. Debian's defaults (shared_buffers 128MB,
# max_wal_size 1GB) are sized for a small shared host: in the bulk benchmark (1.2 GB of aggregate
# splits written in 40 s) backends evicted 4.4 GB of dirty pages themselves and WAL volume forced
# five checkpoints in one run (docs/ingestion.md, "Benchmarks, 2026-12-03").
#
# usage: timeseries-api/bench/tune-postgresql.sh [--undo] [--cluster 15/main]
#   writes /etc/postgresql/<cluster>/conf.d/zz-meterflow-bench.conf (--undo removes it) and
#   restarts the cluster with pg_ctlcluster. Needs root. Both Gnocchi's indexer and Meterflow use
#   this cluster in ingest-benchmark.sh, so a side-by-side run compares them on the same server.
#   Settings: shared_buffers 4GB (a sixth of this machine's 24 GiB), max_wal_size 8GB, and
#   pg_stat_statements loaded, so a run can say which statements take PostgreSQL's time.
set -euo pipefail
cluster=15/main; undo=""
while [ $# -gt 0 ]; do
  case "$1" in
    --undo) undo=1; shift ;;
    --cluster) cluster=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
conf=/etc/postgresql/$cluster/conf.d/zz-meterflow-bench.conf
if [ -n "$undo" ]; then
  rm -f "$conf"
else
  mkdir -p "$(dirname "$conf")"
  cat >"$conf" <<'EOF'
# Written by Meterflow's timeseries-api/bench/tune-postgresql.sh; remove with --undo.
shared_buffers = 4GB
max_wal_size = 8GB
shared_preload_libraries = 'pg_stat_statements'
EOF
fi
pg_ctlcluster "${cluster%/*}" "${cluster#*/}" restart
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
psql -q -h 127.0.0.1 -U postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null || true
psql -At -h 127.0.0.1 -U postgres -c "SELECT name || ' = ' || current_setting(name) FROM pg_settings
  WHERE name IN ('shared_buffers', 'max_wal_size', 'shared_preload_libraries')"
