#!/bin/bash
# invoice-benchmark.sh — the month-end batch at scale: a month of hourly rated records for P projects
# with R resources each (default 1,000 x 20: 14.4 million rated points), then
# `bin/meterflow reports issue`: freeze plan charges, draft, issue and render every invoice (PDF, CSV,
# JSON, and whatever else the service renders), timed from the console.
#
#   invoice-benchmark.sh [--projects P] [--resources-per-project R] [--plans N] [--keep]
#
#  1. database meterflow_invoice_bench (fresh) on 127.0.0.1:5432; the rating API from this checkout on
#     127.0.0.1:18889 (processor off) creates its schema; the rated points of November 2026 are
#     generated in SQL straight into its tables (as its processor would store them: points, daily
#     totals, scope states), ANALYZEd; N projects (default 100) on a graduated plan with a credit.
#  2. the reports API on 127.0.0.1:18890 creates its schema and the issuer; every project gets an
#     account of its own from the default issuer.
#  3. `bin/meterflow reports issue --period 2026-11`, timed, then checks: as many issued invoices as
#     projects, numbers 1..P without gap, one file of each format per invoice.
#  4. stops what it started and drops the database unless --keep.
# CloudKitty has no invoices: there is no reference to run beside this one.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and a built checkout.
set -euo pipefail
HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BASE=${BENCH_DIR:-/tmp/invoice-benchmark}
P=1000; R=20; PLANS=100; KEEP=false; DB=meterflow_invoice_bench
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) P=$2; shift 2 ;;
    --resources-per-project) R=$2; shift 2 ;;
    --plans) PLANS=$2; shift 2 ;;
    --keep) KEEP=true; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
rm -rf "$BASE"; mkdir -p "$BASE"
log() { echo "[invoice-benchmark $(date -u +%H:%M:%S)] $*" >&2; }
psql_pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 3
  if ! $KEEP; then
    psql_pg -c "select pg_terminate_backend(pid) from pg_stat_activity where datname='$DB'" >/dev/null 2>&1 || true
    psql_pg -c "drop database if exists $DB" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
wait_for() {  # url
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.5
  done
  echo "$1 did not answer" >&2; return 1
}

export METERFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
export METERFLOW_RATING_URL=http://127.0.0.1:18889
psql_pg -c "drop database if exists $DB" >/dev/null
createdb -h 127.0.0.1 -U postgres "$DB"
log "starting the rating API"
METERFLOW_RATING_PORT=18889 METERFLOW_RATING_PROCESSOR=false setsid "$TOP/bin/meterflow" rating \
  > "$BASE/rating.log" 2>&1 < /dev/null &
PIDS+=($!)
wait_for "$METERFLOW_RATING_URL/v1/info/metrics"

log "generating November 2026: $P projects x $R resources x 720 hours"
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -d "$DB" <<SQL
-- Resource r of project p: instances (r < R/2), volumes (next 3/10), images (the rest); prices vary
-- by project so that totals are not round.
CREATE TEMP TABLE bench_resources AS
SELECT 'bench-project-' || lpad(p::text, 5, '0') AS project_id, p, r,
       CASE WHEN r < $R / 2 THEN 'instance' WHEN r < $R * 8 / 10 THEN 'volume.size' ELSE 'image.size' END AS type,
       CASE WHEN r < $R / 2 THEN 'instance' WHEN r < $R * 8 / 10 THEN 'GiB' ELSE 'MiB' END AS unit,
       CASE WHEN r < $R / 2 THEN 1::numeric WHEN r < $R * 8 / 10 THEN (10 * (1 + r % 5))::numeric
            ELSE (512 + r)::numeric END AS qty,
       CASE WHEN r < $R / 2 THEN 0.0125 * (1 + p % 7) WHEN r < $R * 8 / 10 THEN 0.00013 * (1 + p % 3)
            ELSE 0.0000041 END AS unit_price
FROM generate_series(1, $P) p, generate_series(0, $R - 1) r;
INSERT INTO rating_dataframes (period_begin, period_end, type, unit, qty, price, project_id, groupby, metadata)
SELECT h, h + interval '1 hour', b.type, b.unit, b.qty, b.qty * b.unit_price, b.project_id,
       jsonb_build_object('id', b.project_id || '-res-' || b.r, 'project_id', b.project_id),
       jsonb_build_object('flavor_name', 'm1.small')
FROM bench_resources b,
     generate_series(timestamptz '2026-11-01 00:00:00+00', timestamptz '2026-11-30 23:00:00+00', interval '1 hour') h;
INSERT INTO rating_dataframes_daily (day, project_id, type, qty, price, points)
SELECT (period_begin AT TIME ZONE 'UTC')::date, project_id, type, sum(qty), sum(price), count(*)
FROM rating_dataframes GROUP BY 1, 2, 3;
INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, last_processed_timestamp)
SELECT DISTINCT project_id, 'project_id', 'gnocchi', 'gnocchi', timestamptz '2026-11-30 23:00:00+00'
FROM bench_resources;
ANALYZE;
SQL
points=$(psql_pg -d "$DB" -c "select count(*) from rating_dataframes")
log "$points rated points in $(( $(date +%s) - start )) s"

log "$PLANS projects on a graduated plan with a 5 EUR credit"
curl -sf -X POST "$METERFLOW_RATING_URL/v2/billing/plans" -H 'Content-Type: application/json' -d '{
  "code": "bench-graduated", "currency": "EUR", "minimum_commitment": "5",
  "charges": [{"rating_type": "instance", "model": "graduated", "free_units": "24",
               "tiers": [{"up_to": "1000", "unit_price": "0.02"}, {"unit_price": "0.015"}]},
              {"rating_type": "volume.size", "model": "per_unit", "unit_price": "0.0001"}]}' > /dev/null
for p in $(seq 1 "$PLANS"); do
  project=bench-project-$(printf %05d "$p")
  curl -sf -X POST "$METERFLOW_RATING_URL/v2/billing/subscriptions" -H 'Content-Type: application/json' \
    -d "{\"project_id\": \"$project\", \"plan_code\": \"bench-graduated\", \"starts_at\": \"2026-11-01T00:00:00Z\"}" > /dev/null
  curl -sf -X POST "$METERFLOW_RATING_URL/v2/billing/credits" -H 'Content-Type: application/json' \
    -d "{\"project_id\": \"$project\", \"amount\": \"5\", \"currency\": \"EUR\", \"effective_at\": \"2026-10-01T00:00:00Z\", \"reason\": \"welcome\"}" > /dev/null
done

log "starting the reports API"
export METERFLOW_BILLING_DEFAULT_ISSUER=acme
METERFLOW_REPORTS_PORT=18890 setsid "$TOP/bin/meterflow" reports > "$BASE/reports.log" 2>&1 < /dev/null &
PIDS+=($!)
wait_for http://127.0.0.1:18890/v1/issuers
curl -sf -X PUT http://127.0.0.1:18890/v1/issuers/acme -H 'Content-Type: application/json' -d '{
  "party": {"name": "Acme Cloud GmbH", "tax_id": "DE123456789", "email": "billing@acme.example",
            "address": {"line1": "Cloudweg 1", "post_code": "10115", "city": "Berlin", "country_code": "DE"}},
  "bank": {"bank_name": "Example Bank", "iban": "DE89370400440532013000", "bic": "COBADEFFXXX"},
  "number_pattern": "BENCH-{YYYY}-{SEQ:6}"}' > /dev/null

log "bin/meterflow reports issue --period 2026-11"
start=$(date +%s.%N)
"$TOP/bin/meterflow" reports issue --period 2026-11 --output "$BASE/invoices" 2>&1 | stdbuf -o0 tr '\r' '\n' \
  | awk '{ print strftime("%H:%M:%S"), $0; fflush() }' > "$BASE/issue.log"
{ grep "meterflow reports:" "$BASE/issue.log"; grep -E '] [0-9]+/[0-9]+ issued' "$BASE/issue.log" | tail -1
  grep -E '] [0-9]+/[0-9]+ rendered' "$BASE/issue.log" | tail -1; } >&2 || true
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
issued=$(psql_pg -d "$DB" -c "select count(*) from reports_invoices where status = 'issued'")
gaps=$(psql_pg -d "$DB" -c "select count(*) from (select number, lag(number) over (order by number) prev from reports_invoices where number is not null) n where prev is not null and substring(number from '\d+$')::int <> substring(prev from '\d+$')::int + 1")
planned=$(psql_pg -d "$DB" -c "select count(*) from reports_invoices where document->'lines' @> '[{\"kind\": \"plan\"}]'")
files=$(ls "$BASE/invoices" | sed 's/.*\.//' | sort | uniq -c | tr '\n' ' ')
echo "invoice batch: $P projects x $R resources ($points rated points): $issued invoices issued and rendered in ${elapsed} s; numbering gaps: $gaps; with plan lines: $planned (of $PLANS on a plan); files: $files"
