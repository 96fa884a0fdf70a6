#!/bin/bash
# read-benchmark.sh — side-by-side read-latency comparison of real Gnocchi and Meterflow with the
# shared bench-gnocchi.sh harness (write / end-to-end / read / RSS), alternating the two servers.
#
#   bench/read-benchmark.sh --gnocchi http://127.0.0.1:8041 --meterflow http://127.0.0.1:8061 \
#       [--meterflow-proc 'java.*meterflow-timeseries-api'] [--rounds 2] [-- BENCH-GNOCCHI ARGS...]
#
# Both servers must already be running (see README.md). Prints a table of every run and the
# Meterflow/Gnocchi ratios of the single-metric read latencies (GET /v1/metric/<id>/measures at
# granularity 60 s -> ~18 points, 1 s -> 1000 points); exits 0 when the median p99 ratios of
# bench-gnocchi.sh's own reads are <= --target (default 0.1), 1 when not, 2 on usage or run
# errors. --help for all options.
exec /usr/bin/python3 - "$0" "$@" <<'PY'
import argparse
import base64
import http.client
import json
import os
import random
import resource
import re
import shlex
import statistics
import subprocess
import sys
import time
import urllib.parse

script = os.path.realpath(sys.argv[1])
argv = sys.argv[2:]
repo = os.path.dirname(os.path.dirname(os.path.dirname(script)))   # .../timeseries-api/bench -> repo root

ap = argparse.ArgumentParser(
    prog="read-benchmark.sh",
    formatter_class=argparse.RawDescriptionHelpFormatter,
    description="Side-by-side read benchmark of Gnocchi and Meterflow with bench-gnocchi.sh.",
    epilog="""Arguments after `--` go to bench-gnocchi.sh for every run (default: --metrics 1000 --points 1000).
Each round runs Gnocchi then Meterflow (--order to change); --reset-* commands run (through sh -c)
before each run of that server so every run starts from an empty server, as bench-gnocchi.sh expects.
Besides bench-gnocchi.sh's own 200 reads per granularity, each run is followed by a read-only pass
(--extra-reads requests per granularity over random bench metrics of that run), timed with the same
Python requests client and with a lean http.client keep-alive client, and by a client-floor
measurement (GET --floor-path with each client: the latency of a request that does nothing, i.e.
what the client + loopback cost by themselves).""")
ap.add_argument("--gnocchi", required=True, metavar="URL", help="real Gnocchi, e.g. http://127.0.0.1:8041")
ap.add_argument("--meterflow", required=True, metavar="URL", help="Meterflow, e.g. http://127.0.0.1:8061")
ap.add_argument("--gnocchi-proc", action="append", default=[], metavar="[NAME=]REGEX",
                help="process(es) to sample RSS/CPU of (bench-gnocchi.sh --proc-match); default: "
                     "bench-gnocchi.sh's --pid-dir of start-gnocchi.sh (API, metricd, redis)")
ap.add_argument("--meterflow-proc", action="append", default=[], metavar="[NAME=]REGEX",
                help="e.g. 'java.*meterflow-timeseries-api'; default: no RSS/CPU sampling")
ap.add_argument("--rounds", type=int, default=2, help="runs per server (default 2)")
ap.add_argument("--order", default="gnocchi,meterflow", help="order within a round")
ap.add_argument("--reset-gnocchi", metavar="CMD",
                help="shell command giving an empty Gnocchi before each run, e.g. "
                     "'GNOCCHI_RESET=1 /work/shared/gnocchi/start-gnocchi.sh'")
ap.add_argument("--reset-meterflow", metavar="CMD",
                help="shell command giving an empty Meterflow before each run (must wait until it answers)")
ap.add_argument("--bench", default=os.environ.get("BENCH_GNOCCHI",
                os.path.join(os.path.dirname(repo), "shared", "gnocchi", "bench-gnocchi.sh")),
                help="path of bench-gnocchi.sh (default $BENCH_GNOCCHI or <repo>/../shared/gnocchi/bench-gnocchi.sh)")
ap.add_argument("--user", default="admin", help="basic-auth user (admin)")
ap.add_argument("--extra-reads", type=int, default=1000,
                help="read-only pass after each run: GETs per granularity (0 = skip; default 1000)")
ap.add_argument("--floor-requests", type=int, default=1000, help="client-floor requests per run (0 = skip)")
ap.add_argument("--floor-path", default="/healthcheck", help="trivial endpoint for the client floor")
ap.add_argument("--target", type=float, default=0.1, help="required Meterflow/Gnocchi p99 ratio (default 0.1)")
ap.add_argument("--out", metavar="FILE", help="append every result (JSON lines) to FILE")
ap.add_argument("bench_args", nargs="*", help=argparse.SUPPRESS)
args = ap.parse_args(argv)
bench_args = args.bench_args or ["--metrics", "1000", "--points", "1000"]
if not os.path.exists(args.bench):
    sys.exit("bench-gnocchi.sh not found at %s (use --bench or BENCH_GNOCCHI)" % args.bench)
GRANS = ["60", "1"]            # ~18 points, 1000 points (bench-high policy, 1000 points 1 s apart)
for a in bench_args:
    if a.startswith("--read-granularities"):
        sys.exit("--read-granularities is fixed to 1,60 by this script")
bench_args = bench_args + ["--read-granularities", ",".join(GRANS)]

try:
    import requests
except ImportError:
    sys.exit("needs Debian's python3-requests")


def log(*a):
    print("[read-benchmark]", *a, file=sys.stderr, flush=True)


def pct(values, p):
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def cpu_busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def session():
    s = requests.Session()
    s.auth = (args.user, "")
    s.headers["Content-Type"] = "application/json"
    return s


class Lean:
    """Minimal keep-alive client (http.client, no JSON decoding): ~0.15 ms of client CPU per small
    request against ~0.7-1 ms for requests, so it shows the server's latency more directly."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
        self.headers = {"Authorization": "Basic " + base64.b64encode((args.user + ":").encode()).decode()}

    def get(self, path):
        self.conn.request("GET", path, headers=self.headers)
        r = self.conn.getresponse()
        body = r.read()
        if r.will_close:          # Gnocchi's uWSGI answers "Connection: close"
            self.conn.close()
        return r.status, body


def timed(fn, paths):
    lat, cpu = [], []
    for p in paths:
        c0 = time.process_time()
        t0 = time.perf_counter()
        status = fn(p)
        lat.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        if status != 200:
            raise RuntimeError("GET %s -> %s" % (p, status))
    return lat, cpu


def client_floor(url):
    """Latency and client CPU of a request the server answers without doing anything."""
    s = session()
    lean = Lean(url)
    out = {}
    for name, fn in (("floor", lambda p: s.get(url + p).status_code), ("lean_floor", lambda p: lean.get(p)[0])):
        timed(fn, [args.floor_path] * 50)
        lat, cpu = timed(fn, [args.floor_path] * args.floor_requests)
        out.update({name + "_ms_p50": round(pct(lat, 50) * 1e3, 2), name + "_ms_p99": round(pct(lat, 99) * 1e3, 2),
                    name + "_client_cpu_ms": round(statistics.mean(cpu) * 1e3, 3)})
    return out


def extra_reads(url, run_id):
    """Read-only pass over the metrics this run created (fresh server: they are the first page)."""
    s = session()
    prefix = "bench-%s-" % run_id
    mids, marker = [], None
    while len(mids) < 1000:
        params = {"limit": 1000}
        if marker:
            params["marker"] = marker
        page = s.get(url + "/v1/metric", params=params)
        page.raise_for_status()
        page = page.json()
        if not page:
            break
        mids += [m["id"] for m in page if (m.get("name") or "").startswith(prefix)]
        marker = page[-1]["id"]
    if not mids:
        raise RuntimeError("no metric named %s* on %s" % (prefix, url))
    rnd = random.Random(7)
    lean = Lean(url)
    out = {}
    for g in GRANS:
        paths = ["/v1/metric/%s/measures?granularity=%s" % (rnd.choice(mids), g) for _ in range(args.extra_reads)]
        # same client and timing as bench-gnocchi.sh (the body is read, JSON decoding is not timed)
        lat, cpu = timed(lambda p: s.get(url + p).status_code, paths)
        out["extra_g%s_ms_p50" % g] = round(pct(lat, 50) * 1e3, 2)
        out["extra_g%s_ms_p99" % g] = round(pct(lat, 99) * 1e3, 2)
        out["extra_g%s_client_cpu_ms" % g] = round(statistics.mean(cpu) * 1e3, 3)
        out["extra_g%s_points" % g] = len(json.loads(lean.get(paths[0])[1]))
        lat, cpu = timed(lambda p: lean.get(p)[0], paths)
        out["lean_g%s_ms_p50" % g] = round(pct(lat, 50) * 1e3, 2)
        out["lean_g%s_ms_p99" % g] = round(pct(lat, 99) * 1e3, 2)
        out["lean_g%s_client_cpu_ms" % g] = round(statistics.mean(cpu) * 1e3, 3)
    return out


def run(server, rnd_no):
    url = getattr(args, server)
    reset = getattr(args, "reset_" + server)
    if reset:
        log("%s round %d: reset: %s" % (server, rnd_no, reset))
        r = subprocess.run(["sh", "-c", reset], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError("reset of %s failed (%d): %s" % (server, r.returncode, r.stderr[-2000:]))
    procs = getattr(args, server + "_proc")
    cmd = [args.bench, "--url", url, "--user", args.user, "--label", "%s-%d" % (server, rnd_no)]
    for p in procs:
        cmd += ["--proc-match", p if re.match(r"^[A-Za-z0-9_-]+=", p) else server + "=" + p]
    if not procs and server == "meterflow":
        cmd += ["--pid-dir", "/nonexistent"]       # do not sample Gnocchi's pid files for Meterflow
    cmd += bench_args
    log("%s round %d: %s" % (server, rnd_no, " ".join(shlex.quote(c) for c in cmd)))
    load0 = os.getloadavg()[0]
    b0, t0 = cpu_busy()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.time()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)   # progress goes to our stderr
    b1, t1 = cpu_busy()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.time() - w0
    if p.returncode != 0 or not p.stdout.strip():
        raise RuntimeError("bench-gnocchi.sh failed for %s (exit %d)" % (server, p.returncode))
    res = json.loads(p.stdout.strip().splitlines()[-1])
    busy_s = (b1 - b0) / max(1, t1 - t0) * os.cpu_count() * wall
    client_s = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    server_s = sum((res.get("cpu_s") or {}).values())
    res.update({"server": server, "round": rnd_no, "wall_s": round(wall, 1),
                "loadavg1_before": round(load0, 2), "loadavg1_after": round(os.getloadavg()[0], 2),
                "machine_busy_cores": round(busy_s / wall, 2), "client_cpu_s": round(client_s, 1),
                # CPU used by everything but the benchmark client and the sampled server processes
                # (only meaningful when the server's processes are sampled): noise from other work
                "other_cpu_cores": round((busy_s - client_s - server_s) / wall, 2) if server_s else None})
    if args.extra_reads > 0:
        log("%s round %d: read-only pass, %d GETs per granularity" % (server, rnd_no, args.extra_reads))
        res.update(extra_reads(url, res["run_id"]))
    if args.floor_requests > 0:
        res.update(client_floor(url))
    log("%s round %d: %s" % (server, rnd_no, {k: res.get(k) for k in (
        "get_measures_g60_ms_p50", "get_measures_g60_ms_p99", "get_measures_g1_ms_p50", "get_measures_g1_ms_p99",
        "extra_g60_ms_p99", "extra_g1_ms_p99", "lean_g60_ms_p99", "lean_g1_ms_p99", "floor_ms_p50")}))
    if args.out:
        with open(args.out, "a") as f:
            f.write(json.dumps(res, sort_keys=True) + "\n")
    return res


results = []
order = [s.strip() for s in args.order.split(",") if s.strip()]
if sorted(order) != ["gnocchi", "meterflow"]:
    sys.exit("--order must name gnocchi and meterflow")
try:
    for n in range(1, args.rounds + 1):
        for server in order:
            results.append(run(server, n))
except (RuntimeError, requests.RequestException, ValueError) as e:
    log("ERROR:", e)
    if not results:
        sys.exit(2)


def fmt(v, w=8):
    if v is None:
        return "-".rjust(w)
    if isinstance(v, float):
        return ("%.2f" % v).rjust(w) if v < 100 else ("%.0f" % v).rjust(w)
    return str(v).rjust(w)


cols = [("run", lambda r: "%s-%d" % (r["server"], r["round"]), 12),
        ("18p p50", lambda r: r.get("get_measures_g60_ms_p50"), 8),
        ("18p p99", lambda r: r.get("get_measures_g60_ms_p99"), 8),
        ("1000p p50", lambda r: r.get("get_measures_g1_ms_p50"), 9),
        ("1000p p99", lambda r: r.get("get_measures_g1_ms_p99"), 9),
        ("x18 p50", lambda r: r.get("extra_g60_ms_p50"), 8),
        ("x18 p99", lambda r: r.get("extra_g60_ms_p99"), 8),
        ("x1000 p50", lambda r: r.get("extra_g1_ms_p50"), 9),
        ("x1000 p99", lambda r: r.get("extra_g1_ms_p99"), 9),
        ("L18 p50", lambda r: r.get("lean_g60_ms_p50"), 8),
        ("L18 p99", lambda r: r.get("lean_g60_ms_p99"), 8),
        ("L1000 p50", lambda r: r.get("lean_g1_ms_p50"), 9),
        ("L1000 p99", lambda r: r.get("lean_g1_ms_p99"), 9),
        ("floor p50", lambda r: r.get("floor_ms_p50"), 9),
        ("floor p99", lambda r: r.get("floor_ms_p99"), 9),
        ("Lfloor p50", lambda r: r.get("lean_floor_ms_p50"), 10),
        ("ingest/s", lambda r: r.get("ingest_measures_per_s"), 9),
        ("e2e/s", lambda r: r.get("e2e_measures_per_s"), 9),
        ("POST p50", lambda r: r.get("post_latency_ms_p50"), 8),
        ("POST p99", lambda r: r.get("post_latency_ms_p99"), 8),
        ("agg p50", lambda r: r.get("aggregates_ms_p50"), 8),
        ("verify", lambda r: r.get("verify_ok"), 6),
        ("RSS MiB", lambda r: sum(v for k, v in (r.get("peak_rss_mib") or {}).items()
                                  if not k.startswith("pg")) or None, 8),
        ("busy cores", lambda r: r.get("machine_busy_cores"), 10),
        ("other cores", lambda r: r.get("other_cpu_cores"), 11)]
print()
print("Latencies in ms. 18p/1000p = bench-gnocchi.sh's 200 GETs per granularity right after the write phase;")
print("x18/x1000 = read-only pass (%d GETs each), same client; L18/L1000 = the same GETs with a lean client"
      % args.extra_reads)
print("(http.client keep-alive); floor/Lfloor = GET %s with each client (client + loopback cost alone)."
      % args.floor_path)
print("busy cores = average non-idle cores of the machine during bench-gnocchi.sh; other cores = the part not")
print("used by the client or the sampled server processes (other work on the machine: noise). RSS = peak RSS")
print("summed over the sampled process groups, except groups named pg* (sample PostgreSQL backends as pg=...).")
print(" ".join(h.rjust(w) for h, _, w in cols))
for r in results:
    print(" ".join(fmt(f(r), w) for _, f, w in cols))

print()
print("Meterflow / Gnocchi (medians over runs; acceptance: p99 ratio <= %g on the bench rows, i.e. the" % args.target)
print("200 GETs of bench-gnocchi.sh itself; extra/lean rows are diagnostics):")
ok = True
have_both = False
for key, label, acceptance in (("get_measures_g60_ms", "bench   18 points", True),
                               ("get_measures_g1_ms", "bench 1000 points", True),
                               ("extra_g60_ms", "extra   18 points", False), ("extra_g1_ms", "extra 1000 points", False),
                               ("lean_g60_ms", "lean    18 points", False), ("lean_g1_ms", "lean  1000 points", False)):
    line = []
    verdict = ""
    for p in ("p50", "p99"):
        g = [r[key + "_" + p] for r in results if r["server"] == "gnocchi" and r.get(key + "_" + p)]
        m = [r[key + "_" + p] for r in results if r["server"] == "meterflow" and r.get(key + "_" + p)]
        if not g or not m:
            line.append("%s n/a" % p)
            continue
        ratio = statistics.median(m) / statistics.median(g)
        line.append("%s %6.2f / %6.2f ms = %.3f" % (p, statistics.median(m), statistics.median(g), ratio))
        if p == "p99":
            verdict = "meets" if ratio <= args.target else "misses"
            if acceptance:
                have_both = True
                ok = ok and ratio <= args.target
    print("  %-18s %s   %s" % (label, "   ".join(line), verdict))
for key, label in (("floor_ms_p50", "requests"), ("lean_floor_ms_p50", "lean client")):
    fl = [r[key] for r in results if r["server"] == "meterflow" and r.get(key)]
    if fl:
        print("  %s floor against Meterflow (GET %s): p50 %.2f ms -- no server scores below this with that client"
              % (label, args.floor_path, statistics.median(fl)))
if not have_both:
    print("RESULT: incomplete (need runs of both servers)")
    sys.exit(2)
print("RESULT: %s" % ("target met" if ok else "target NOT met"))
sys.exit(0 if ok else 1)
PY
