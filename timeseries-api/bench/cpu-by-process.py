#!/usr/bin/env python3
"""Print, once a second, the CPU seconds each kind of process took in that second, from /proc.

Used beside ingest-benchmark.sh to see which side saturates (docs/ingestion.md, "Evening runs"):
  python3 timeseries-api/bench/cpu-by-process.py > cpu.txt &  ...run the benchmark...  ; kill %1
Kinds: mf-jvm (a command line naming meterflow-timeseries), kafka, pg (postgres), py (any python:
the load client, and Gnocchi when it runs), other. 'busy' is the whole machine's non-idle time.
"""
import argparse
import os
import time

HZ = os.sysconf("SC_CLK_TCK")


def kind(cmdline):
    if "meterflow-timeseries" in cmdline:
        return "mf-jvm"
    if "java" in cmdline and "kafka" in cmdline.lower():
        return "kafka"
    if cmdline.startswith("postgres"):
        return "pg"
    if "python" in cmdline:
        return "py"
    return "other"


def ticks_by_kind():
    totals = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended between listing and reading
        k = kind(cmdline)
        totals[k] = totals.get(k, 0) + int(fields[11]) + int(fields[12])  # utime + stime
    return totals


def machine_ticks():
    with open("/proc/stat") as f:
        fields = list(map(int, f.readline().split()[1:]))
    idle, iowait = fields[3], fields[4]
    return sum(fields) - idle - iowait, iowait


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between lines (default 1)")
    args = ap.parse_args()
    before, (busy0, io0) = ticks_by_kind(), machine_ticks()
    while True:
        time.sleep(args.interval)
        now, (busy, io) = ticks_by_kind(), machine_ticks()
        # A process that ended drops out of its kind's total, so a delta can go negative for a second.
        delta = {k: round((now.get(k, 0) - before.get(k, 0)) / HZ, 2) for k in now}
        print(time.strftime("%H:%M:%S"), "busy", round((busy - busy0) / HZ, 2), "iowait",
              round((io - io0) / HZ, 2), delta, flush=True)
        before, busy0, io0 = now, busy, io


if __name__ == "__main__":
    main()
