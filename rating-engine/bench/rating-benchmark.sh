#!/usr/bin/env bash
# rating-benchmark.sh: the rating step, Meterflow's hashmap against CloudKitty 17's HashMap.process,
# on the same rules (the hand-written fixture: services, fields, groups, thresholds, project-specific
# rules) and the same points, one thread each, in one run. Both print the sum of their prices, which
# must agree to the last digit; the ratio is Meterflow's points/s over CloudKitty's.
#
# usage: rating-engine/bench/rating-benchmark.sh [--points N] [--out FILE]
# Needs Debian's python3-cloudkitty (installed when missing). Defaults: 100,000 points.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
points=100000; out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --points) points=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
if ! /usr/bin/python3 -c "import cloudkitty" 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-cloudkitty >/dev/null
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
rules=$top/rating-engine/core/src/test/resources/io/meterflow/rating/hashmap/cloudkitty/handwritten-rules.json

echo "== building" >&2
(cd "$top" && ./mvnw -q -B -ntp -DskipTests install -pl rating-engine/core -am \
  && ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$work/cp" -pl rating-engine/core) >&2
cp="$top/rating-engine/core/target/classes:$top/rating-engine/core/target/test-classes:$(cat "$work/cp")"

/usr/bin/python3 "$here/make_points.py" "$points" > "$work/points.jsonl"
echo "== CloudKitty 17 HashMap.process, $points points" >&2
ck=$(/usr/bin/python3 "$here/ck_hashmap_bench.py" "$rules" "$work/points.jsonl" --runs 3)
echo "$ck"
echo "== Meterflow HashMapRater, $points points" >&2
mf=$(java -Xms1g -Xmx1g -cp "$cp" io.meterflow.rating.hashmap.HashMapBenchmark "$rules" "$work/points.jsonl" 200)
echo "$mf"
result=$(/usr/bin/python3 - "$ck" "$mf" <<'PY'
import json, sys
ck, mf = json.loads(sys.argv[1]), json.loads(sys.argv[2])
from decimal import Decimal
same = Decimal(ck["price_sum"]) == Decimal(mf["price_sum"])
print(json.dumps({"summary": True, "points": mf["points"], "cloudkitty_points_per_s": ck["points_per_s"],
                  "meterflow_points_per_s": mf["points_per_s"],
                  "ratio": round(mf["points_per_s"] / ck["points_per_s"], 1), "same_prices": same}))
PY
)
echo "$result"
if [ -n "$out" ]; then printf '%s\n%s\n%s\n' "$ck" "$mf" "$result" > "$out"; fi
echo "$result" | grep -q '"same_prices": true'
