#!/usr/bin/python3
"""Steady-state soak of a Gnocchi-compatible API in Ceilometer's shape (issue 4, acceptance 3).

Sends --rate measures/s for --minutes as Ceilometer publishes them (one measure per metric per
request, --per-request metrics per batch request, POST /v1/batch/metrics/measures), and every
--sample seconds records: the server's RSS (/proc/PID/status), its heap after the last GC (from a
-Xlog:gc file the server writes, if given), and the backlog from /v1/status, as seconds of lag at
the offered rate. Prints one JSON line per sample and a summary line; exits 1 if the criteria fail:
RSS growth after the first minute < 10 %, heap after GC flat (last minute's within 10 % of the
second minute's), lag < 5 s at every sample after the first minute.

Heap after GC: with --gc-log, every --full-gc-every seconds (default 20) the tool asks the server
for a full collection (jcmd PID GC.run) and reads what it left: the live set. The heap after a young
collection, the only other figure a -Xlog:gc file gives, includes whatever garbage reached the old
generation since its last collection, and G1 starts none while the heap is below its occupancy
threshold (45 %), so it creeps up by the garbage, not by what the server keeps (measured: 180 ->
209 MB after young collections in ten minutes, 108 MB left by a full one at the end). The
criterion compares the smallest live set of the last minute with that of the second minute: a fold
in flight when the collection runs adds its transient batch on top of what is kept. Each full
collection pauses the server (about 0.25 s at 2 GB), which the lag samples include.
--full-gc-every 0 judges the heap after young collections instead.

With faults (fault-soak.sh injects them): --retry re-sends a refused or failed request, after its
Retry-After, until it is accepted; --verify then waits for the aggregates and checks each metric's
count of measures against the requests accepted for it: lost and doubled must both be 0.
--fault-windows "180-300,360-420" (seconds from the start) leaves those windows and the minute after
each out of the lag criterion, and reports how long the lag took to fall under 5 s after each.

usage: soak.py --url http://127.0.0.1:8063 --pid PID [--gc-log FILE] [--rate 20000] [--minutes 10]
               [--metrics 20000] [--per-request 1000] [--sample 10] [--full-gc-every 20]
               [--retry] [--verify] [--fault-windows A-B,C-D]
"""
import argparse
import base64
import collections
import http.client
import itertools
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

HEADERS = {"Authorization": "basic " + base64.b64encode(b"admin:").decode(), "Content-Type": "application/json"}


def connect(url):
    parsed = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)


def call(conn, method, path, body=None):
    status, payload, _ = call_with_headers(conn, method, path, body)
    return status, payload


def call_with_headers(conn, method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=HEADERS)
    response = conn.getresponse()
    return response.status, response.read(), response.headers


def rss_mib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return None


GC_AFTER = re.compile(r"GC\(\d+\) Pause.* (\d+)M->(\d+)M\((\d+)M\)")


def heap_after_gc_mib(path, kind="Pause"):
    """The heap occupancy after the most recent GC pause (of a kind: "Pause Full") in a -Xlog:gc file."""
    if not path:
        return None
    last = None
    with open(path) as log:
        for line in log:
            match = GC_AFTER.search(line)
            if match and kind in line:
                last = int(match.group(2))
    return last


def live_heap_mib(pid, gc_log):
    """Runs a full collection in the server and returns what it left, in MiB."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, stdout=subprocess.DEVNULL, timeout=60)
    return heap_after_gc_mib(gc_log, "Pause Full")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url")
    parser.add_argument("--pid", type=int, help="the server process (RSS)")
    parser.add_argument("--gc-log", default="", help="the server's -Xlog:gc file (heap after GC)")
    parser.add_argument("--rate", type=int, default=20000, help="measures per second")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--metrics", type=int, default=20000)
    parser.add_argument("--per-request", type=int, default=1000)
    parser.add_argument("--sample", type=float, default=10)
    parser.add_argument("--senders", type=int, default=4)
    parser.add_argument("--retry", action="store_true", help="re-send refused requests until accepted")
    parser.add_argument("--verify", action="store_true", help="check every metric's count of measures at the end")
    parser.add_argument("--fault-windows", default="", help="A-B,C-D: seconds when faults are injected")
    parser.add_argument("--full-gc-every", type=float, default=20,
                        help="seconds between full collections measuring the live heap (0: none); needs --gc-log")
    parser.add_argument("--judge", metavar="FILE",
                        help="judge a recorded run (its JSON lines) by the current rules, and run nothing")
    args = parser.parse_args()
    if args.judge:
        rejudge(args.judge, args)
    if not args.url or not args.pid:
        parser.error("--url and --pid are needed to run a soak")

    conn = connect(args.url)
    call(conn, "POST", "/v1/archive_policy", {"name": "soak", "back_window": 0,
         "aggregation_methods": ["mean", "min", "max", "sum", "count", "last"],
         "definition": [{"granularity": "1m", "timespan": "1d"}, {"granularity": "1h", "timespan": "30d"}]})
    metrics = []
    for _ in range(args.metrics):
        status, payload = call(conn, "POST", "/v1/metric", {"archive_policy_name": "soak"})
        if status != 201:
            sys.exit("metric create failed: %s %s" % (status, payload[:200]))
        metrics.append(json.loads(payload)["id"])
    print(json.dumps({"created_metrics": len(metrics)}), flush=True)

    requests_per_s = args.rate / args.per_request
    end = time.time() + args.minutes * 60
    sent = [0]
    errors = [0]
    retries = [0]
    accepted_per_metric = collections.Counter()
    sequence = itertools.count()
    lock = threading.Lock()
    start = time.time()

    def send_until_accepted(c, body):
        """Returns the connection to go on with; counts the request's measures once it is accepted."""
        while True:
            try:
                status, _, headers = call_with_headers(c, "POST", "/v1/batch/metrics/measures", body)
            except (OSError, http.client.HTTPException):
                c.close()
                c = connect(args.url)
                status, headers = None, {}
            if status == 202:
                with lock:
                    sent[0] += len(body)
                    accepted_per_metric.update(body.keys())
                return c
            with lock:
                retries[0] += 1
            time.sleep(float((headers or {}).get("Retry-After") or 1))

    def sender(index):
        c = connect(args.url)
        rng = random.Random(index)
        n = 0
        while time.time() < end:
            # Request k of this sender is due at start + (k * senders + index) / requests_per_s.
            due = start + (n * args.senders + index) / requests_per_s
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            now = time.time()
            offset = rng.randrange(0, len(metrics) - args.per_request)
            # Unique per request within a millisecond: two requests never overwrite each other's measure.
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03d%03d" % (
                int((now % 1) * 1e3), next(sequence) % 1000)
            body = {m: [{"timestamp": stamp, "value": rng.random() * 100}]
                    for m in metrics[offset:offset + args.per_request]}
            if args.retry:
                c = send_until_accepted(c, body)
            else:
                status, _ = call(c, "POST", "/v1/batch/metrics/measures", body)
                with lock:
                    if status == 202:
                        sent[0] += args.per_request
                    else:
                        errors[0] += 1
            n += 1

    threads = [threading.Thread(target=sender, args=(i,), daemon=True) for i in range(args.senders)]
    for thread in threads:
        thread.start()
    samples = []
    last_full_gc = start
    while time.time() < end:
        time.sleep(args.sample)
        live = None
        if args.gc_log and args.full_gc_every > 0 and time.time() - last_full_gc >= args.full_gc_every:
            live = live_heap_mib(args.pid, args.gc_log)
            last_full_gc = time.time()
        status, payload = call(conn, "GET", "/v1/status?details=false")
        waiting = json.loads(payload)["storage"]["summary"]["measures"] if status == 200 else None
        elapsed = time.time() - start
        sample = {"t_s": round(elapsed, 1), "sent": sent[0], "offered_per_s": round(sent[0] / elapsed),
                  "rss_mib": round(rss_mib(args.pid), 1), "heap_after_gc_mib": heap_after_gc_mib(args.gc_log),
                  "live_heap_mib": live, "backlog_measures": waiting,
                  "lag_s": None if waiting is None else round(waiting / float(args.rate), 2),
                  "errors": errors[0], "retries": retries[0]}
        samples.append(sample)
        print(json.dumps(sample), flush=True)
    for thread in threads:
        thread.join()

    summary = judge(samples, args, round(sent[0] / (time.time() - start)), errors[0], retries[0])
    ok = summary.pop("pass")
    if args.verify:
        lost, doubled = verify(conn, args, accepted_per_metric)
        summary.update({"verified_metrics": len(accepted_per_metric), "measures_accepted": sent[0],
                        "lost": lost, "doubled": doubled})
        ok = ok and lost == 0 and doubled == 0
    summary["pass"] = ok
    print(json.dumps(summary), flush=True)
    sys.exit(0 if ok else 1)

RECOVERY_LIMIT_S = 120
"""After a fault, the lag must be back under 5 s within this long of the fault's end, or of the
clients being back on schedule when they had writes to retry (those arrive on top of the steady
rate and lengthen the backlog while they do). A killed aggregator's JVM start and rebalance take
most of a minute on a 2-core machine before it folds again."""


def judge(samples, args, achieved_per_s, errors, retries):
    """The verdict on a run's samples, without the count check: what the summary prints."""
    windows = [tuple(float(x) for x in w.split("-")) for w in args.fault_windows.split(",") if w]

    def behind(s):
        """Measures the client is behind its schedule: writes refused in a fault and not yet retried."""
        return args.rate * s["t_s"] - s["sent"]

    def caught_up(b):
        """When, after a fault ending at b, the client is back on schedule (its retries all sent)."""
        return next((s["t_s"] for s in samples if s["t_s"] > b and behind(s) <= 2 * args.rate), None)

    recovery, recovered_at, recovered_in_time = [], [], True
    for i, (a, b) in enumerate(windows):
        back = caught_up(b)
        since = max(b, back if back is not None else samples[-1]["t_s"])
        next_fault = windows[i + 1][0] if i + 1 < len(windows) else float("inf")
        # Recovered: from the first sample after which the lag stays under 5 s until the next fault.
        # (Right after an aggregator is killed the lag is still low; it climbs while no one folds.)
        stretch = [s for s in samples if since <= s["t_s"] < next_fault and s["lag_s"] is not None]
        settled = None
        for s in reversed(stretch):
            if s["lag_s"] >= 5:
                break
            settled = s
        overlapped = settled is None and next_fault != float("inf")
        if overlapped:
            # The next fault came before this one was absorbed: its recovery is judged with the next.
            until = next_fault
        else:
            until = settled["t_s"] if settled else samples[-1]["t_s"]
            recovered_in_time = recovered_in_time and settled is not None and until - since <= RECOVERY_LIMIT_S
        recovered_at.append(until)
        lags = [s["lag_s"] for s in samples if a <= s["t_s"] <= until and s["lag_s"] is not None]
        deferred = max((behind(s) for s in samples if a <= s["t_s"] <= until), default=0)
        recovery.append({"window_s": [a, b], "max_lag_s": max(lags, default=None),
                         "retried_measures_max": int(max(deferred, 0)),
                         "client_on_schedule_after_s": None if back is None else round(back - b, 1),
                         "lag_under_5s_for_good_after_s": None if settled is None else round(until - b, 1),
                         "overlapped_by_next_fault": overlapped})

    def in_fault(t):
        return any(a <= t < end for (a, b), end in zip(windows, recovered_at))

    steady = [s for s in samples if s["t_s"] >= 60 and not in_fault(s["t_s"])]
    first = steady[0] if steady else samples[-1]
    rss_growth = (samples[-1]["rss_mib"] - first["rss_mib"]) / first["rss_mib"] * 100
    heaps = [s["heap_after_gc_mib"] for s in samples if s["heap_after_gc_mib"] is not None]
    lives = [s["live_heap_mib"] for s in samples if s["live_heap_mib"] is not None]
    judged = "live_heap_mib" if lives else "heap_after_gc_mib"
    second_minute = [s[judged] for s in samples if 60 <= s["t_s"] < 120 and s[judged] is not None]
    last_minute = [s[judged] for s in samples if s["t_s"] >= samples[-1]["t_s"] - 60 and s[judged] is not None]
    heap_growth = None
    if second_minute and last_minute:
        # Live sets: the smallest of each minute (what is kept); young-collection figures: the largest.
        pick = min if lives else max
        heap_growth = (pick(last_minute) - pick(second_minute)) / pick(second_minute) * 100
    max_lag = max((s["lag_s"] for s in steady if s["lag_s"] is not None), default=None)
    summary = {"summary": True, "minutes": args.minutes, "rate_target": args.rate,
               "achieved_per_s": achieved_per_s, "errors": errors,
               "rss_first_minute_mib": first["rss_mib"], "rss_last_mib": samples[-1]["rss_mib"],
               "rss_growth_pct": round(rss_growth, 1),
               "heap_after_gc_min_max_mib": [min(heaps), max(heaps)] if heaps else None,
               "live_heap_min_max_mib": [min(lives), max(lives)] if lives else None,
               "heap_judged_by": judged,
               "heap_growth_pct": None if heap_growth is None else round(heap_growth, 1),
               "max_lag_s_outside_recoveries": max_lag, "recovery_limit_s": RECOVERY_LIMIT_S,
               "retries": retries, "fault_recovery": recovery}
    summary["pass"] = rss_growth < 10 and (heap_growth is None or heap_growth < 10) and max_lag is not None \
        and max_lag < 5 and recovered_in_time and achieved_per_s >= 0.95 * args.rate
    return summary


def rejudge(path, args):
    """--judge FILE: the verdict of the current rules on a recorded run (its samples and counts)."""
    samples, recorded = [], None
    for line in open(path):
        record = json.loads(line)
        if record.get("summary"):
            recorded = record
        elif "sent" in record:
            samples.append(record)
    summary = judge(samples, args, recorded["achieved_per_s"], recorded["errors"], recorded["retries"])
    for key in ("verified_metrics", "measures_accepted", "lost", "doubled"):
        if key in recorded:
            summary[key] = recorded[key]
    summary["pass"] = summary["pass"] and recorded.get("lost", 0) == 0 and recorded.get("doubled", 0) == 0
    summary["judged_from"] = path
    print(json.dumps(summary), flush=True)
    sys.exit(0 if summary["pass"] else 1)


def verify(conn, args, accepted_per_metric):
    """Waits for the aggregates, then compares each metric's count of measures with what was accepted."""
    deadline = time.time() + 600
    while time.time() < deadline:
        status, payload = call(conn, "GET", "/v1/status?details=false")
        if status == 200 and json.loads(payload)["storage"]["summary"]["measures"] == 0:
            break
        time.sleep(2)
    def count(metric):
        status, payload = call(conn, "GET", "/v1/metric/%s/measures?refresh=true&aggregation=count&granularity=60"
                               % metric)
        if status != 200:
            sys.exit("reading %s failed: %s %s" % (metric, status, payload[:200]))
        return int(sum(point[2] for point in json.loads(payload)))

    counted = {metric: count(metric) for metric in accepted_per_metric}
    short = {m for m, c in counted.items() if c < accepted_per_metric[m]}
    # A metric read short may only have been read before its last measures were folded (refresh=true
    # should prevent that): read those again after a pause, and report both, so a slow answer and a
    # loss are told apart.
    late = sum(accepted_per_metric[m] - counted[m] for m in short)
    for _ in range(3):
        if not short:
            break
        time.sleep(20)
        for metric in list(short):
            counted[metric] = count(metric)
            if counted[metric] >= accepted_per_metric[metric]:
                short.discard(metric)
    if late:
        print(json.dumps({"short_at_first_read": late, "short_metrics_after_rereads": len(short)}), flush=True)
    lost = doubled = 0
    for metric, expected in accepted_per_metric.items():
        lost += max(0, expected - counted[metric])
        doubled += max(0, counted[metric] - expected)
    return lost, doubled


if __name__ == "__main__":
    main()
