#!/usr/bin/python3
"""CloudKitty 17's rating step on a dataset: HashMap.process, in process, best of several runs.

Usage: /usr/bin/python3 ck_hashmap_bench.py RULES.json POINTS.jsonl [--runs 3]
RULES.json is in the fixtures' shape (services, fields, groups, mappings, thresholds); POINTS.jsonl
has one point per line: {"scope", "type", "id", "qty", "metadata"}. The rules go into a fresh
sqlite database through CloudKitty's own hashmap DB API; each scope's HashMap is loaded once, as the
processor loads it per scope; only process() is timed. Prints one JSON line with points/s and the
sum of the prices (the Java side must print the same sum).
Needs Debian's python3-cloudkitty.
"""
import argparse
import decimal
import json
import logging
import os
import sys
import tempfile
import time
import warnings


def cloudkitty_with_rules(rules, db_path):
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    from oslo_config import cfg
    from oslo_db import options as db_options
    db_options.set_defaults(cfg.CONF)
    cfg.CONF([], project="cloudkitty", default_config_files=[])
    cfg.CONF.set_override("connection", "sqlite:///" + db_path, "database")
    from cloudkitty.db import api as ck_db_api
    ck_db_api.get_instance().get_migration().upgrade("head")
    from cloudkitty.rating import hash as ck_hash
    db = ck_hash.HashMap.db_api
    db.get_migration().upgrade("head")
    services = {name: db.create_service(name).service_id for name in rules["services"]}
    fields = {}
    for field in rules.get("fields", []):
        fields[field["service"] + "." + field["name"]] = db.create_field(services[field["service"]], field["name"]).field_id
    groups = {name: db.create_group(name).group_id for name in rules.get("groups", [])}
    for m in rules.get("mappings", []):
        db.create_mapping(cost=m["cost"], map_type=m["type"], value=m.get("value"),
                          service_id=services.get(m.get("service")), field_id=fields.get(m.get("field")),
                          group_id=groups.get(m.get("group")), tenant_id=m.get("tenant_id"))
    for t in rules.get("thresholds", []):
        db.create_threshold(level=t["level"], cost=t["cost"], map_type=t["type"],
                            service_id=services.get(t.get("service")), field_id=fields.get(t.get("field")),
                            group_id=groups.get(t.get("group")), tenant_id=t.get("tenant_id"))
    return ck_hash


def exact_costs(entries):
    """sqlite hands NUMERIC back as a double; PostgreSQL would hand back the typed decimal."""
    if isinstance(entries, dict):
        for key, value in entries.items():
            if key == "cost":
                entries[key] = decimal.Decimal(str(float(value)))
            else:
                exact_costs(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rules")
    parser.add_argument("points")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rules = json.load(open(args.rules))
    with tempfile.TemporaryDirectory() as tmp:
        ck_hash = cloudkitty_with_rules(rules, os.path.join(tmp, "ck.db"))
        from cloudkitty import dataframe
        import datetime
        begin = datetime.datetime(2024, 3, 1, 10, tzinfo=datetime.timezone.utc)
        frames = {}
        count = 0
        for line in open(args.points):
            p = json.loads(line)
            frame = frames.get(p["scope"])
            if frame is None:
                frame = frames[p["scope"]] = dataframe.DataFrame(start=begin, end=begin + datetime.timedelta(hours=1))
            frame.add_point(dataframe.DataPoint(p.get("unit", "unit"), decimal.Decimal(p["qty"]), 0,
                                                {"id": p["id"], "project_id": p["scope"]}, p["metadata"]), p["type"])
            count += 1
        modules = {}
        for scope in frames:
            modules[scope] = ck_hash.HashMap(tenant_id=scope)
            exact_costs(modules[scope]._entries)
        best = None
        total = None
        for _ in range(args.runs):
            started = time.perf_counter()
            rated = [modules[scope].process(frame) for scope, frame in frames.items()]
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
            total = sum((point.price for frame in rated for _, point in frame.iterpoints()), decimal.Decimal(0))
        print(json.dumps({"engine": "cloudkitty-17-hashmap", "points": count, "best_s": round(best, 4),
                          "points_per_s": round(count / best), "price_sum": str(total.normalize())}))


if __name__ == "__main__":
    sys.exit(main())
