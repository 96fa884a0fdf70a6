#!/usr/bin/python3
"""Search and groupby-aggregates benchmark against any Gnocchi-compatible URL.

Creates N resources of type `instance` (flavor_id, host, display_name, image_ref, server_group,
project_id) each with a metric `cpu` (archive policy given by --policy) holding --points points,
then measures latency of:
  search   POST /v1/search/resource/instance with {"and": [{"=": {"flavor_id": F}}, {"=": {"host": H}}]}
  groupby  POST /v1/aggregates?groupby=flavor_id  resource_type=instance, search {"=": {"host": H}},
           operations "(aggregate mean (metric cpu mean))"
Prints one JSON line: setup rates and p50/p99 per query. Run it against Meterflow and against real
Gnocchi in the same session and compare the ratios; the data set is identical (seeded).

usage: search_benchmark.py --url http://127.0.0.1:8041 [--resources 10000] [--points 12]
                           [--queries 300] [--policy low] [--label NAME] [--skip-setup]
                           [--concurrency 1] [--limit 0]
"""
import argparse
import base64
import http.client
import json
import random
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

FLAVORS = ["m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge", "c1.medium", "c1.large", "r1.large"]


def client(url):
    parsed = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=120)


class Api:
    def __init__(self, url):
        self.url = url
        self.conn = client(url)
        self.headers = {"Authorization": "basic " + base64.b64encode(b"admin:").decode(),
                        "Content-Type": "application/json", "Accept": "application/json"}

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body)
        try:
            self.conn.request(method, path, body=data, headers=self.headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed a keep-alive connection left idle (while the setup used others).
            self.conn.close()
            self.conn.request(method, path, body=data, headers=self.headers)
            response = self.conn.getresponse()
        payload = response.read()
        return response.status, payload


def ensure_instance_type(api):
    """Returns the instance type's attribute schema, creating a minimal type where none exists."""
    status, payload = api.call("GET", "/v1/resource_type/instance")
    if status != 200:
        attrs = {name: {"type": "string", "required": False, "max_length": 255}
                 for name in ("flavor_id", "host", "display_name", "image_ref", "server_group")}
        status, payload = api.call("POST", "/v1/resource_type", {"name": "instance", "attributes": attrs})
        if status not in (201, 409):
            sys.exit("cannot create resource type instance: %s %s" % (status, payload[:300]))
        status, payload = api.call("GET", "/v1/resource_type/instance")
    return json.loads(payload)["attributes"]


def placeholder(schema, i):
    """A valid value for a required attribute the benchmark does not care about (Ceilometer's types)."""
    kind = schema.get("type")
    if kind == "uuid":
        return str(uuid.UUID(int=i + 1))
    if kind == "number":
        return schema.get("min") or 1
    if kind == "bool":
        return False
    if kind == "datetime":
        return "2026-01-01T00:00:00+00:00"
    return "x%d" % (i % 10)


def setup(api, args, rng):
    schema = ensure_instance_type(api)
    api.call("POST", "/v1/archive_policy", {"name": args.policy, "definition": [
        {"granularity": "5 minutes", "timespan": "30 days"}]})  # exists on both by default
    bodies = []
    for i in range(args.resources):
        rid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        wanted = {"flavor_id": FLAVORS[i % len(FLAVORS)], "host": "compute-%02d" % (i % 50),
                  "display_name": "vm-%05d" % i, "image_ref": "img-%d" % (i % 20),
                  "server_group": "sg-%d" % (i % 100)}
        body = {"id": rid, "project_id": "p%03d" % (i % 200), "user_id": "u%04d" % (i % 1000),
                "metrics": {"cpu": {"archive_policy_name": args.policy}}}
        for name, attribute in schema.items():
            if name in wanted:
                body[name] = wanted[name]
            elif attribute.get("required"):
                body[name] = placeholder(attribute, i)
        bodies.append(body)
    ids = [body["id"] for body in bodies]
    started = time.time()
    # The data set is the same whatever the concurrency: bodies are made first, then sent.
    in_parallel(args, [("POST", "/v1/resource/instance", body, 201) for body in bodies],
                "resources")
    created = time.time() - started
    # Points 5 minutes apart, sent as Ceilometer does: batch by resource and metric name.
    t0 = int(time.time()) // 300 * 300 - args.points * 300
    batches = []
    for k in range(0, len(ids), 100):
        body = {rid: {"cpu": [{"timestamp": t0 + 300 * p, "value": rng.random() * 100}
                              for p in range(args.points)]} for rid in ids[k:k + 100]}
        batches.append(("POST", "/v1/batch/resources/metrics/measures", body, 202))
    started = time.time()
    in_parallel(args, batches, "measure batches")
    written = time.time() - started
    return {"resources_per_s": round(args.resources / created, 1),
            "measures_per_s": round(args.resources * args.points / written, 1),
            "concurrency": args.concurrency}


def in_parallel(args, requests, what):
    """Sends the requests over --concurrency keep-alive connections, reporting progress on stderr."""
    done = [0]
    failures = []
    lock = threading.Lock()
    work = iter(requests)

    def worker():
        api = Api(args.url)
        while True:
            with lock:
                request = None if failures else next(work, None)
            if request is None:
                return
            method, path, body, expected = request
            status, payload = api.call(method, path, body)
            if status != expected:
                with lock:
                    failures.append("%s %s failed: %s %s" % (method, path, status, payload[:300]))
                return
            with lock:
                done[0] += 1
                if done[0] % 5000 == 0:
                    print("%s: %d/%d" % (what, done[0], len(requests)), file=sys.stderr, flush=True)

    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(failures[0])


def wait_processed(api, timeout=600):
    """Real Gnocchi aggregates asynchronously: wait until /v1/status reports no backlog."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        status, payload = api.call("GET", "/v1/status?details=false")
        if status == 200 and json.loads(payload)["storage"]["summary"]["measures"] == 0:
            return
        time.sleep(0.5)


def measure(api, make_request, queries):
    latencies = []
    for i in range(queries):
        method, path, body = make_request(i)
        started = time.perf_counter()
        status, payload = api.call(method, path, body)
        latencies.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit("%s %s failed: %s %s" % (method, path, status, payload[:300]))
    warm = sorted(latencies[len(latencies) // 10:])
    return {"p50_ms": round(statistics.median(warm), 2),
            "p99_ms": round(warm[min(len(warm) - 1, int(len(warm) * 0.99))], 2),
            "last_result_bytes": len(payload)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--resources", type=int, default=10000)
    parser.add_argument("--points", type=int, default=12)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--policy", default="low")
    parser.add_argument("--label", default="")
    parser.add_argument("--skip-setup", action="store_true")
    parser.add_argument("--concurrency", type=int, default=1, help="connections used to create the data set")
    parser.add_argument("--limit", type=int, default=0, help="add limit=N to the searches (0: server default)")
    args = parser.parse_args()
    rng = random.Random(42)
    api = Api(args.url)
    result = {"label": args.label, "url": args.url, "resources": args.resources}
    if not args.skip_setup:
        result["setup"] = setup(api, args, rng)
        wait_processed(api)
    search_path = "/v1/search/resource/instance" + ("?limit=%d" % args.limit if args.limit else "")
    result["search"] = measure(api, lambda i: ("POST", search_path, {"and": [
        {"=": {"flavor_id": FLAVORS[i % len(FLAVORS)]}}, {"=": {"host": "compute-%02d" % (i % 50)}}]}),
        args.queries)
    result["groupby_aggregates"] = measure(api, lambda i: (
        "POST", "/v1/aggregates?groupby=flavor_id&fill=0",
        {"resource_type": "instance", "search": {"=": {"host": "compute-%02d" % (i % 50)}},
         "operations": "(aggregate mean (metric cpu mean))"}), args.queries)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
