#!/usr/bin/python3
"""Regenerates the expected prices of these fixtures with CloudKitty 17's own hashmap module.

Usage: /usr/bin/python3 generate.py [SHARED_DIR]   (default ../../../../../../../../../../shared)
Needs Debian's python3-cloudkitty and the oracle ck-rate.py from the shared reference tools. Writes
random-rules.json and random-usage.json (seeded, so they never change) and, for every *-rules.json,
*-expected.jsonl: CloudKitty's price of each point, the test's expectation.

The random case mixes every rule kind, groups, project-specific rules, equal threshold levels and
field values of every JSON type, and quantities long enough that Python's 28-digit rounding shows.
Costs and levels are values a double holds exactly or reads back unchanged: the oracle runs
CloudKitty on sqlite, whose NUMERIC columns are doubles, and recovers the typed decimal from them.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def random_case(seed=20261206):
    rnd = random.Random(seed)
    services = ["svc%d" % i for i in range(5)]
    fields = [{"service": s, "name": "f%d" % j} for s in services for j in range(3)]
    groups = ["g%d" % i for i in range(4)]
    tenants = ["t0", "t1", "t2"]
    values = ["a", "b", "c", "1", "2", "2.0", "True", "None"]
    costs = ["0", "1", "0.5", "0.25", "0.1", "0.05", "0.3333333333333333", "1.1", "2", "-0.2", "0.0001",
             "12345.678", "0.98", "0.9", "1.25", "7"]
    levels = ["-2", "-1", "0", "0.5", "1", "2", "2.00000000", "3", "10", "100"]

    def owner(rule):
        if rnd.random() < 0.35:
            rule["service"] = rnd.choice(services)
        else:
            f = rnd.choice(fields)
            rule["field"] = f["service"] + "." + f["name"]
        if rnd.random() < 0.7:
            rule["group"] = rnd.choice(groups)
        if rnd.random() < 0.3:
            rule["tenant_id"] = rnd.choice(tenants)
        return rule

    mappings, seen = [], set()
    while len(mappings) < 90:
        m = owner({"type": rnd.choice(["flat", "rate"]), "cost": rnd.choice(costs)})
        if "field" in m:
            m["value"] = rnd.choice(values)
        # CloudKitty refuses a second rule for the same (value, parent, tenant); so does the oracle's DB.
        key = (m.get("service"), m.get("field"), m.get("value"), m.get("tenant_id"))
        if key in seen and ("field" in m or m.get("tenant_id")):
            continue
        seen.add(key)
        mappings.append(m)
    thresholds, seen = [], set()
    while len(thresholds) < 45:
        t = owner({"type": rnd.choice(["flat", "rate"]), "cost": rnd.choice(costs), "level": rnd.choice(levels)})
        key = (t.get("service"), t.get("field"), float(t["level"]), t.get("tenant_id"))
        if key in seen:
            continue
        seen.add(key)
        thresholds.append(t)
    rules = {"services": services, "fields": fields, "groups": groups, "mappings": mappings,
             "thresholds": thresholds}

    def field_value():
        kind = rnd.random()
        if kind < 0.45:
            return rnd.choice(values)
        if kind < 0.6:
            return rnd.choice([1, 2, 3, 0, -1, 10])
        if kind < 0.75:
            return rnd.choice([2.0, 0.5, 1.5, 2.5, 100.0, 1e16, 1e-05, 0.1])
        if kind < 0.85:
            return rnd.choice([True, False])
        return rnd.choice(["0", "3", "10.5", " 2 ", "1e1", "-3"])

    def quantity():
        kind = rnd.random()
        if kind < 0.3:
            return rnd.choice(["0", "1", "2", "3", "10", "100", "0.5"])
        digits = rnd.randint(1, 22)
        scale = rnd.randint(0, digits)
        unscaled = str(rnd.randint(10 ** (digits - 1), 10 ** digits - 1))
        return unscaled if scale == 0 else (unscaled[:-scale] or "0") + "." + unscaled[-scale:].rjust(scale, "0")

    scopes = {}
    for tenant in tenants + ["t-none"]:
        usage = {}
        for s in services + ["unpriced"]:
            points = []
            for n in range(60):
                metadata = {}
                for f in range(3):
                    if rnd.random() < 0.8:
                        metadata["f%d" % f] = field_value()
                points.append(["%s-%s-%d" % (tenant, s, n), quantity(), metadata])
            usage[s] = points
        scopes[tenant] = usage
    units = {s: "unit" for s in services + ["unpriced"]}
    usage = {"period": {"begin": "2024-03-01T10:00:00+00:00", "end": "2024-03-01T11:00:00+00:00"},
             "units": units, "scopes": scopes}
    return rules, usage


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, *[".."] * 10, "shared")
    oracle = os.path.join(shared, "cloudkitty", "ck-rate.py")
    rules, usage = random_case()
    # Thresholds whose field values are not numbers abort CloudKitty's whole frame: the random
    # case keeps only numeric-looking values where a field has thresholds, and tests that abort apart.
    with_thresholds = {t["field"] for t in rules["thresholds"] if "field" in t}
    for scope in usage["scopes"].values():
        for service, points in scope.items():
            for point in points:
                for name in list(point[2]):
                    if service + "." + name in with_thresholds:
                        try:
                            float(str(point[2][name]).strip())
                        except ValueError:
                            point[2][name] = 1
                        if point[2][name] is None:
                            point[2][name] = 0
    for name, content in (("random-rules.json", rules), ("random-usage.json", usage)):
        with open(os.path.join(HERE, name), "w") as out:
            json.dump(content, out, indent=1, sort_keys=True)
            out.write("\n")
    for case in ("handwritten", "random"):
        result = subprocess.run(["/usr/bin/python3", oracle, os.path.join(HERE, case + "-rules.json"),
                                 os.path.join(HERE, case + "-usage.json")],
                                check=True, capture_output=True, text=True)
        with open(os.path.join(HERE, case + "-expected.jsonl"), "w") as out:
            out.write(result.stdout)
        print(case, len(result.stdout.splitlines()), "lines")


if __name__ == "__main__":
    main()
