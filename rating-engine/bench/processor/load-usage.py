#!/usr/bin/python3
"""Load one hour of OpenStack-like usage into a Gnocchi-compatible API, for the processor benchmark.

    load-usage.py URL --projects P --resources-per-project R --period-start ISO [options]

Creates (idempotently; everything has deterministic ids, a second run with the same arguments
re-posts the same measures and changes nothing):
  - the archive policy `ck-bench-1h` (one granularity of 1 h, 30 days, methods max and mean);
  - per project, R resources of each type instance, volume and image, with the attributes
    metrics.yml reads (flavor_name, flavor_id / volume_type / container_format, disk_format),
    each with its metric (cpu / volume.size / image.size) on that policy, started one day before
    the period;
  - --measures-per-hour measures per metric inside [period-start, period-start + 1 h), posted with
    POST /v1/batch/resources/metrics/measures, --batch resources per request.
Then it waits until every metric answers the same aggregates query CloudKitty's Gnocchi collector
sends (one per project and metric), with a 1 h bucket at period-start, so a processor started
afterwards finds every point.

Project ids are uuid5 hex (Keystone's 32-hex form) of "<namespace>/project/<n>", resource ids
uuid5 of "<namespace>/<type>/<project n>/<n>": the same arguments give the same ids. The project
ids are printed (one a line) to --projects-file, for a `source` fetcher.

The values (deterministic, from the indexes):
  cpu          cumulative ns, growing through the hour; every 20th instance is stopped (0) so
               mutate NUMBOOL gives 0 for it
  volume.size  GiB in 1, 10, 20, 50, 100, 200, 500; volume_type standard / ssd / nvme
  image.size   bytes from 12 MiB to 40 GiB; container_format bare / ovf, disk_format qcow2 / raw / iso
  flavors      m1.tiny, m1.small, m1.medium, m1.large, m1.xlarge (ids 1..5)

Auth: HTTP basic with --user (default admin: Gnocchi's and Meterflow's basic mode), or --noauth
(X-User-Id / X-Project-Id / X-Roles: admin, Gnocchi's noauth and Meterflow's noauth mode).
Prints a JSON summary on stdout, progress on stderr.
"""
import argparse
import concurrent.futures
import datetime
import json
import sys
import time
import uuid

import requests

POLICY = "ck-bench-1h"
FLAVORS = [("1", "m1.tiny"), ("2", "m1.small"), ("3", "m1.medium"), ("4", "m1.large"), ("5", "m1.xlarge")]
VOLUME_SIZES = [1, 10, 20, 50, 100, 200, 500]
VOLUME_TYPES = ["standard", "ssd", "standard", "nvme"]
IMAGE_FORMATS = [("bare", "qcow2"), ("bare", "raw"), ("ovf", "qcow2"), ("bare", "iso")]
# metric name, resource type, as in metrics.yml
TYPES = [("cpu", "instance"), ("volume.size", "volume"), ("image.size", "image")]


def log(msg):
    print("[load-usage] %s" % msg, file=sys.stderr, flush=True)


def parse_time(s):
    t = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    t = t.astimezone(datetime.timezone.utc)
    if t.minute or t.second or t.microsecond:
        raise SystemExit("--period-start must be on the hour (CloudKitty periods are aligned): %s" % s)
    return t


def iso(t):
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


class Ids:
    def __init__(self, namespace):
        self.ns = namespace

    def project(self, p):
        return uuid.uuid5(uuid.NAMESPACE_URL, "%s/project/%d" % (self.ns, p)).hex

    def user(self, p, u):
        return uuid.uuid5(uuid.NAMESPACE_URL, "%s/user/%d/%d" % (self.ns, p, u)).hex

    def resource(self, rtype, p, r):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "%s/%s/%d/%d" % (self.ns, rtype, p, r)))


def resource_body(ids, rtype, p, r, started_at):
    body = {
        "id": ids.resource(rtype, p, r),
        "project_id": ids.project(p),
        "user_id": ids.user(p, r % 3),
        "started_at": iso(started_at),
    }
    if rtype == "instance":
        fid, fname = FLAVORS[(p + r) % len(FLAVORS)]
        body.update(flavor_id=fid, flavor_name=fname, host="compute-%d" % (r % 8),
                    display_name="vm-%d-%d" % (p, r), image_ref=ids.resource("image", p, 0))
        body["metrics"] = {"cpu": {"archive_policy_name": POLICY, "unit": "ns"}}
    elif rtype == "volume":
        body.update(display_name="vol-%d-%d" % (p, r), volume_type=VOLUME_TYPES[(p * 7 + r) % len(VOLUME_TYPES)])
        body["metrics"] = {"volume.size": {"archive_policy_name": POLICY, "unit": "GiB"}}
    else:
        cf, df = IMAGE_FORMATS[(p + r * 3) % len(IMAGE_FORMATS)]
        body.update(name="img-%d-%d" % (p, r), container_format=cf, disk_format=df)
        body["metrics"] = {"image.size": {"archive_policy_name": POLICY, "unit": "B"}}
    return body


def values(rtype, p, r, n):
    """n measures of the metric of resource (rtype, p, r) within the hour."""
    if rtype == "instance":
        if r % 20 == 19:
            return [0.0] * n
        start = float((p * 1000 + r) * 10 ** 9)
        return [start + k * 3.0e11 for k in range(n)]          # ~ 1 vCPU busy
    if rtype == "volume":
        size = float(VOLUME_SIZES[(p + r) % len(VOLUME_SIZES)])
        return [size] * n
    size = float(12 * 2 ** 20 + ((p * 7919 + r * 104729) % 40960) * 2 ** 20)   # 12 MiB .. 40 GiB
    return [size] * n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url", help="Gnocchi-compatible API root, e.g. http://127.0.0.1:18041")
    ap.add_argument("--projects", type=int, required=True)
    ap.add_argument("--resources-per-project", type=int, required=True, help="per resource type")
    ap.add_argument("--period-start", required=True, help="ISO 8601, on the hour (UTC if no offset)")
    ap.add_argument("--measures-per-hour", type=int, default=12)
    ap.add_argument("--namespace", default="meterflow-ck-bench", help="seed of the deterministic ids")
    ap.add_argument("--user", default="admin", help="HTTP basic user (default admin)")
    ap.add_argument("--noauth", action="store_true", help="send X-User-Id/X-Project-Id/X-Roles instead")
    ap.add_argument("--batch", type=int, default=500, help="resources per batch measures request")
    ap.add_argument("--concurrency", type=int, default=4, help="parallel requests")
    ap.add_argument("--projects-file", help="write the project ids there, one a line")
    ap.add_argument("--wait-timeout", type=float, default=600.0)
    args = ap.parse_args()

    base = args.url.rstrip("/")
    start = parse_time(args.period_start)
    end = start + datetime.timedelta(hours=1)
    ids = Ids(args.namespace)
    P, R, M = args.projects, args.resources_per_project, args.measures_per_hour
    if M < 1 or M > 3600:
        raise SystemExit("--measures-per-hour must be in 1..3600")

    headers = {"Content-Type": "application/json"}
    auth = None
    if args.noauth:
        headers.update({"X-User-Id": "admin", "X-Project-Id": "admin", "X-Roles": "admin"})
    else:
        auth = (args.user, "")
    sessions = {}

    def session():
        import threading
        k = threading.get_ident()
        if k not in sessions:
            s = requests.Session()
            s.headers.update(headers)
            s.auth = auth
            sessions[k] = s
        return sessions[k]

    def call(method, path, body=None, ok=(200, 201, 202, 204), **kw):
        for attempt in range(5):
            try:
                resp = session().request(method, base + path, data=None if body is None else json.dumps(body),
                                         timeout=300, **kw)
            except requests.ConnectionError as e:
                if attempt == 4:
                    raise
                log("%s %s: %s; retrying" % (method, path, e))
                time.sleep(1 + attempt)
                continue
            if resp.status_code in ok:
                return resp
            raise SystemExit("%s %s -> %d %s" % (method, path, resp.status_code, resp.text[:500]))

    t0 = time.time()
    # ------------------------------------------------------------------ archive policy
    policy = {"name": POLICY, "back_window": 0, "aggregation_methods": ["max", "mean"],
              "definition": [{"granularity": "1:00:00", "timespan": "30 days"}]}
    r = call("POST", "/v1/archive_policy", policy, ok=(201, 409))
    if r.status_code == 409:
        got = call("GET", "/v1/archive_policy/" + POLICY).json()
        grans = [d.get("granularity") for d in got.get("definition", [])]
        if "1:00:00" not in grans or "max" not in got.get("aggregation_methods", []):
            raise SystemExit("archive policy %s exists with another definition: %s" % (POLICY, got))
    else:
        log("archive policy %s created" % POLICY)

    # ------------------------------------------------------------------ resources
    started_at = start - datetime.timedelta(days=1)
    jobs = [(rtype, p, r) for p in range(P) for _, rtype in TYPES for r in range(R)]
    created = existing = 0

    def create(job):
        rtype, p, r = job
        resp = call("POST", "/v1/resource/" + rtype, resource_body(ids, rtype, p, r, started_at), ok=(201, 409))
        return resp.status_code == 201

    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        for i, was_created in enumerate(pool.map(create, jobs, chunksize=64)):
            if was_created:
                created += 1
            else:
                existing += 1
            if (i + 1) % 5000 == 0:
                log("resources: %d/%d" % (i + 1, len(jobs)))
    t_res = time.time()
    log("resources: %d created, %d already there (%.1f s)" % (created, existing, t_res - t0))

    # ------------------------------------------------------------------ measures
    step = 3600.0 / M
    stamps = [iso(start + datetime.timedelta(seconds=k * step)) if step.is_integer()
              else (start + datetime.timedelta(seconds=k * step)).isoformat() for k in range(M)]
    metric_of = {rtype: metric for metric, rtype in TYPES}

    def batch_body(chunk):
        body = {}
        for rtype, p, r in chunk:
            vals = values(rtype, p, r, M)
            body[ids.resource(rtype, p, r)] = {
                metric_of[rtype]: [{"timestamp": ts, "value": v} for ts, v in zip(stamps, vals)]}
        return body

    chunks = [jobs[i:i + args.batch] for i in range(0, len(jobs), args.batch)]

    def post(chunk):
        call("POST", "/v1/batch/resources/metrics/measures", batch_body(chunk), ok=(202,))
        return len(chunk)

    with concurrent.futures.ThreadPoolExecutor(min(args.concurrency, 4)) as pool:
        list(pool.map(post, chunks))
    t_meas = time.time()
    n_measures = len(jobs) * M
    log("measures: %d posted in %d requests (%.1f s, %.0f measures/s)"
        % (n_measures, len(chunks), t_meas - t_res, n_measures / max(t_meas - t_res, 1e-9)))

    # ------------------------------------------------------------------ wait: CloudKitty's own query
    def ready(job):
        p, metric, rtype = job
        q = {"start": iso(start), "stop": iso(end), "granularity": 3600,
             "groupby": ["id", "user_id", "project_id"]}
        body = {"operations": ["aggregate", "max", ["metric", metric, "max"]],
                "search": {"and": [{"=": {"type": rtype}}, {"=": {"project_id": ids.project(p)}}]},
                "resource_type": rtype}
        groups = call("POST", "/v1/aggregates", body, ok=(200,), params=q).json()
        return sum(1 for g in groups if g["measures"]["measures"].get("aggregated"))

    pending = [(p, metric, rtype) for p in range(P) for metric, rtype in TYPES]
    deadline = time.time() + args.wait_timeout
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        while pending:
            counts = list(pool.map(ready, pending))
            pending = [job for job, c in zip(pending, counts) if c < R]
            if not pending:
                break
            if time.time() > deadline:
                raise SystemExit("measures not all readable after %.0f s: %d project/metric pairs short"
                                 % (args.wait_timeout, len(pending)))
            time.sleep(1)
    t_ready = time.time()
    log("all %d metrics readable through /v1/aggregates (%.1f s after the last post)"
        % (len(jobs), t_ready - t_meas))

    projects = [ids.project(p) for p in range(P)]
    if args.projects_file:
        with open(args.projects_file, "w") as f:
            f.write("\n".join(projects) + "\n")
    print(json.dumps({
        "url": base, "period_start": iso(start), "period_end": iso(end),
        "projects": P, "resources_per_project": R, "resource_types": [t for _, t in TYPES],
        "resources": len(jobs), "resources_created": created, "measures": n_measures,
        "expected_points": len(jobs), "archive_policy": POLICY, "namespace": args.namespace,
        "seconds": {"resources": round(t_res - t0, 2), "measures": round(t_meas - t_res, 2),
                    "wait_readable": round(t_ready - t_meas, 2), "total": round(t_ready - t0, 2)},
        "projects_file": args.projects_file,
    }))


if __name__ == "__main__":
    main()
