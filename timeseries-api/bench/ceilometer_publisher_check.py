#!/usr/bin/python3
"""Helpers of ceilometer-publisher-check.sh (run with Debian's /usr/bin/python3).

  proxy URL PORT LOG     forward 127.0.0.1:PORT to URL, one JSON line per exchange in LOG
  check URL ...          check what the publisher left on the server and how it was answered

The proxy sits between Ceilometer's gnocchi:// publisher and the server, so the check sees every
request the publisher made and every answer it got, whatever the agent logs.
"""
import argparse
import collections
import http.client
import http.server
import json
import re
import sys
import threading
import urllib.parse
from datetime import datetime, timezone

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate", "content-length", "host"}


def proxy(target, port, log_path):
    upstream = urllib.parse.urlsplit(target)
    lock = threading.Lock()
    log = open(log_path, "a", buffering=1)
    local = threading.local()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            for attempt in (1, 2):
                conn = getattr(local, "conn", None)
                if conn is None:
                    conn = local.conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    resp = conn.getresponse()
                    data = resp.read()
                    break
                except (http.client.HTTPException, OSError):
                    conn.close()
                    local.conn = None
                    if attempt == 2:
                        raise
            self.send_response_only(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in HOP_BY_HOP:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            record = {"method": self.command, "path": self.path, "status": resp.status}
            if resp.status >= 300 or (self.command == "POST" and self.path.startswith("/v1/resource/")):
                record["request"] = (body or b"").decode("utf-8", "replace")[:2000]
                record["response"] = data.decode("utf-8", "replace")[:2000]
            with lock:
                log.write(json.dumps(record) + "\n")

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


# ---- the check -------------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.groups = collections.OrderedDict()

    def add(self, group, ok, what):
        passed, failed = self.groups.setdefault(group, [0, []])
        if ok:
            self.groups[group][0] += 1
        else:
            failed.append(what)

    def report(self, limit):
        total_pass = total_fail = 0
        for group, (passed, failed) in self.groups.items():
            print(f"{group}: {passed} passed, {len(failed)} failed")
            for what in failed[:limit]:
                print(f"    FAIL {what}")
            if len(failed) > limit:
                print(f"    ... {len(failed) - limit} more")
            total_pass += passed
            total_fail += len(failed)
        return total_pass, total_fail


def template(method, path):
    path = urllib.parse.urlsplit(path).path
    path = re.sub(r"^/v1/resource/([a-z_]+)/[^/]+", r"/v1/resource/\1/<id>", path)
    path = re.sub(r"/v1/metric/[0-9a-f-]{36}", "/v1/metric/<id>", path)
    path = re.sub(r"^/v1/(archive_policy|resource_type)/[^/]+$", r"/v1/\1/<name>", path)
    return f"{method} {path.rstrip('/') or '/'}"


# Non-2xx answers Gnocchi gives the publisher too and that the publisher handles on purpose.
# Two more are judged one by one in refusal_is_right(): a PATCH of a resource that does not exist,
# and a create without a required attribute.
EXPECTED_REFUSALS = [
    ("POST /v1/archive_policy", 409, "already exists"),          # ensures_archives_policies
    ("GET /projects", 404, ""),                                   # filter_project lookup, no Keystone
    ("POST /v1/batch/resources/metrics/measures", 400, "Unknown resources"),  # then it creates them
    ("POST /v1/resource/", 409, "already exists"),                # created meanwhile by another thread
    ("GET /v1/resource_type/<name>", 404, ""),                    # ceilometer-upgrade's probe
]


def created_id(x):
    try:
        return json.loads(x.get("request") or "{}").get("id")
    except ValueError:
        return None


def refusal_is_right(api, x, t, created_before):
    """A 400 to a PATCH of ended_at is right when it is before the resource's started_at; a 404
    to a PATCH is right when no resource of that type had been created by then (delete
    events that overtake the samples creating the resource; gnocchiclient cutting ids at '#', e.g.
    cinder pools host@backend#pool); a 400 to a create is right when a required attribute is
    missing from the request (image.* samples without name/container_format/disk_format)."""
    body = x.get("response", "")
    if x["method"] == "PATCH" and x["status"] == 404 and t.startswith("PATCH /v1/resource/"):
        path = urllib.parse.urlsplit(x["path"]).path
        rtype, rid = path.split("/")[3], urllib.parse.unquote(path.split("/", 4)[4])
        return (rtype, rid) not in created_before or api.get(path)[0] == 404
    if x["method"] == "PATCH" and x["status"] == 400 and "for attribute ended_at" in body:
        # the agent stamps ended_at with its clock when the delete event arrives; when that event
        # overtakes the sample creating the resource, it precedes the server's started_at
        status, res = api.get(urllib.parse.urlsplit(x["path"]).path)
        try:
            return status == 200 and epoch(json.loads(x["request"])["ended_at"]) < epoch(res["started_at"])
        except (ValueError, KeyError, TypeError):
            return False
    m = re.search(r"required key not provided @ data\['([^']+)'\]", body)
    if x["method"] == "POST" and x["status"] == 400 and t.startswith("POST /v1/resource/") and m:
        try:
            return m.group(1) not in json.loads(x.get("request") or "{}")
        except ValueError:
            return False
    return False


def check_exchanges(checks, api, exchanges, allowed_extra):
    counts = collections.Counter()
    created = set()
    for x in exchanges:
        t = template(x["method"], x["path"])
        counts[(t, x["status"])] += 1
        if t.startswith("POST /v1/resource/") and x["status"] == 201:
            created.add((t.split("/")[3], created_id(x)))
        if x["status"] < 300:
            checks.add("http answers", True, "")
            continue
        body = x.get("response", "")
        expected = any(t.startswith(prefix) and x["status"] == status and cause in body
                       for prefix, status, cause in EXPECTED_REFUSALS + allowed_extra) or refusal_is_right(api, x, t, created)
        checks.add("http answers", expected and x["status"] < 500,
                   f"{x['method']} {x['path']} -> {x['status']} {body[:300]} (request {x.get('request', '')[:200]})")
    print("requests by endpoint and status:")
    for (t, status), n in sorted(counts.items()):
        print(f"  {n:6d}  {status}  {t}")
    used = {t for (t, status) in counts if status < 300}
    for needed in ("POST /v1/batch/resources/metrics/measures", "PATCH /v1/resource/instance/<id>"):
        checks.add("endpoints used", needed in used, f"no successful {needed}")
    batch = [x for x in exchanges if template(x["method"], x["path"]) == "POST /v1/batch/resources/metrics/measures"]
    checks.add("endpoints used", all("create_metrics=true" in x["path"].lower() for x in batch),
               "a batch without create_metrics=true")


def check_agent_log(checks, path):
    errors = collections.Counter()
    with open(path, errors="replace") as log:
        for line in log:
            m = re.match(r"\S+ \S+ \d+ (ERROR|CRITICAL) (\S+) \[[^]]*\] (.*)", line)
            if m and not m.group(3).startswith(("Traceback", "  ")):
                message = re.sub(r"[0-9a-f-]{36}", "<id>", m.group(3))
                # the publisher reporting the refusals judged right in refusal_is_right()
                if re.match(r"(Resource <id> does not exist \(HTTP 404\)|Error creating resource <id>: "
                            r"\{'cause': 'Invalid input', 'reason': \"required key not provided|"
                            r"Fail to update the resource .* for attribute ended_at on resource type \w+ is invalid)",
                            message):
                    checks.add("agent log", True, "")
                    continue
                errors[message[:240]] += 1
    checks.add("agent log", not errors, "ERROR lines the publisher's expected refusals do not explain:")
    for message, n in errors.items():
        checks.add("agent log", False, f"{n} x ERROR {message}")


def load_definitions():
    """Ceilometer's own reading of gnocchi_resources.yaml: metric -> resource type, attributes."""
    import contextlib
    import io
    from ceilometer import service
    from ceilometer.publisher import gnocchi
    with contextlib.redirect_stdout(io.StringIO()):       # oslo.log's INFO lines go to stdout
        conf = service.prepare_service([], [])
        return gnocchi.GnocchiPublisher._load_definitions(conf, None, "gnocchi_resources.yaml")


def expected_resources(samples_path, definitions):
    from ceilometer import sample as sample_mod
    metric_map = {m: rd for rd in definitions for m in rd.metrics}
    resources = {}
    with open(samples_path) as f:
        for line in f:
            s = json.loads(line)["sample"]
            rd = metric_map.get(s["name"])
            if rd is None:
                continue
            sample = sample_mod.Sample(
                name=s["name"], type=s["type"], unit=s["unit"], volume=s["volume"], user_id=s["user_id"],
                project_id=s["project_id"], resource_id=s["resource_id"], timestamp=s["timestamp"],
                resource_metadata=s["resource_metadata"], source=s.get("source"))
            rid = s["resource_id"].replace("/", "_")
            r = resources.setdefault(rid, {"types": collections.Counter(), "users": set(), "projects": set(),
                                           "attributes": collections.defaultdict(set), "metrics": {}})
            r["types"][rd.cfg["resource_type"]] += 1
            r["users"].add(s["user_id"])
            r["projects"].add(s["project_id"])
            for k, v in rd.sample_attributes(sample).items():
                r["attributes"][k].add(json.dumps(v, sort_keys=True))
            m = r["metrics"].setdefault(s["name"], {"policy": rd.metrics[s["name"]]["archive_policy_name"],
                                                    "unit": s["unit"], "points": []})
            m["points"].append((s["timestamp"], s["volume"]))
    return resources


class Api:
    def __init__(self, url, user):
        import requests
        self.session = requests.Session()
        self.session.auth = (user, "")
        self.url = url.rstrip("/")

    def get(self, path, **params):
        r = self.session.get(self.url + path, params=params, headers={"Accept": "application/json"}, timeout=30)
        try:
            return r.status_code, r.json()
        except ValueError:
            return r.status_code, None


def epoch(ts):
    t = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.timestamp()


def seconds(granularity):
    """Gnocchi prints granularities as Python timedeltas: '0:05:00', '1 day, 0:00:00'."""
    if isinstance(granularity, (int, float)):
        return granularity
    days = 0
    if "day" in granularity:
        d, granularity = granularity.split(",")
        days = int(d.split()[0])
    h, m, sec = granularity.strip().split(":")
    return days * 86400 + int(h) * 3600 + int(m) * 60 + float(sec)


def same_value(stored, sent):
    """The stored attribute is one of the values the samples sent; datetimes compare as instants
    (Gnocchi stores datetime attributes and prints them back in ISO 8601 with +00:00)."""
    if json.dumps(stored, sort_keys=True) in sent:
        return True
    try:
        return any(epoch(stored) == epoch(json.loads(v)) for v in sent)
    except (TypeError, ValueError, AttributeError):
        return False


def check_state(checks, api, definitions, policies, resources, dump, refused):
    status, types = api.get("/v1/resource_type")
    known_types = {t["name"]: t for t in types or []}
    for rd in definitions:
        name = rd.cfg["resource_type"]
        t = known_types.get(name)
        missing = sorted(set(rd.cfg.get("attributes", {})) - set((t or {}).get("attributes", {})))
        checks.add("resource types", t is not None and not missing, f"{name}: missing {missing if t else 'type'}")
    status, aps = api.get("/v1/archive_policy")
    by_name = {p["name"]: p for p in aps or []}
    for ap in policies:
        p = by_name.get(ap["name"])
        checks.add("archive policies", p is not None and set(p["aggregation_methods"]) == set(ap["aggregation_methods"])
                   and p["back_window"] == ap.get("back_window", 0), f"{ap['name']}: {p}")
    grans = {name: sorted(seconds(d["granularity"]) for d in p["definition"]) for name, p in by_name.items()}
    state = {}
    for rid, exp in sorted(resources.items()):
        rtype = exp["types"].most_common(1)[0][0]
        status, res = api.get(f"/v1/resource/generic/{urllib.parse.quote(rid, safe='')}")
        if status == 404 and rid in refused:
            checks.add("resources", True, "")      # its creation was refused, rightly (see http answers)
            continue
        if status != 200:
            checks.add("resources", False, f"{rtype} {rid}: GET -> {status}")
            continue
        problems = []
        if len(exp["types"]) == 1 and res["type"] != rtype:
            problems.append(f"type {res['type']} != {rtype}")
        if res["original_resource_id"] != rid:
            problems.append(f"original_resource_id {res['original_resource_id']}")
        if res["project_id"] not in exp["projects"] or res["user_id"] not in exp["users"]:
            problems.append(f"project/user {res['project_id']}/{res['user_id']}")
        status, full = api.get(f"/v1/resource/{res['type']}/{res['id']}")
        for k, values in exp["attributes"].items():
            if res["type"] == rtype and not same_value((full or {}).get(k), values):
                problems.append(f"{k}={full.get(k)!r} not one of {sorted(values)}")
        checks.add("resources", not problems, f"{rtype} {rid}: {'; '.join(problems)}")
        state[rid] = {"type": res["type"], "project_id": res["project_id"], "user_id": res["user_id"],
                      "ended": res["ended_at"] is not None, "attributes": {k: full.get(k) for k in exp["attributes"]},
                      "metrics": {}}
        for name, m in sorted(exp["metrics"].items()):
            mid = res["metrics"].get(name)
            if mid is None and rid in refused:
                checks.add("metrics", True, "")   # the publisher drops a batch whose resource create was refused
                continue
            if mid is None:
                checks.add("metrics", False, f"{rid} {name}: not in the resource's metrics")
                continue
            status, metric = api.get(f"/v1/metric/{mid}")
            ok = status == 200 and metric["archive_policy"]["name"] == m["policy"] and metric["unit"] == m["unit"]
            checks.add("metrics", ok, f"{rid} {name}: {status} {metric and metric.get('archive_policy', {}).get('name')} "
                                       f"{metric and metric.get('unit')} (want {m['policy']} {m['unit']})")
            g = grans.get(m["policy"], [300])[-1]
            status, points = api.get(f"/v1/metric/{mid}/measures", refresh="true", granularity=g)
            buckets = collections.defaultdict(list)
            for ts, v in m["points"]:
                buckets[epoch(ts) // g * g].append(v)
            problems = [] if status == 200 and points else [f"no measures ({status})"]
            rate = m["policy"].endswith("-rate")
            for ts, gran, value in points or []:
                vs = buckets.get(epoch(ts))
                if vs is None and not rate:
                    problems.append(f"{ts}: no sample in that bucket")
                elif not rate and not (min(vs) - 1e-9 <= value <= max(vs) + 1e-9):
                    problems.append(f"{ts}: mean {value} outside [{min(vs)}, {max(vs)}]")
            checks.add("measures", not problems, f"{rid} {name} @{g}s: {'; '.join(problems[:3])}")
            state[rid]["metrics"][name] = points
    if dump:
        with open(dump, "w") as f:
            json.dump(state, f, sort_keys=True, indent=1)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("proxy")
    p.add_argument("target")
    p.add_argument("port", type=int)
    p.add_argument("log")
    c = sub.add_parser("check")
    c.add_argument("url")
    c.add_argument("--user", default="admin")
    c.add_argument("--samples", required=True, help="golden-expected-by-seq.jsonl")
    c.add_argument("--exchanges", required=True)
    c.add_argument("--agent-log", required=True)
    c.add_argument("--dump")
    c.add_argument("--limit", type=int, default=10)
    args = parser.parse_args()
    if args.command == "proxy":
        proxy(args.target, args.port, args.log)
        return 0
    checks = Checks()
    api = Api(args.url, args.user)
    with open(args.exchanges) as f:
        exchanges = [json.loads(line) for line in f if line.strip()]
    check_exchanges(checks, api, exchanges, [])
    check_agent_log(checks, args.agent_log)
    definitions, policies = load_definitions()
    resources = expected_resources(args.samples, definitions)
    refused = {created_id(x) for x in exchanges if x["status"] == 400 and x["path"].startswith("/v1/resource/")}
    check_state(checks, api, definitions, policies, resources, args.dump, refused)
    passed, failed = checks.report(args.limit)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
