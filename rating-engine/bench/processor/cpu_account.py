#!/usr/bin/python3
"""CPU accounting from /proc for the processor benchmark.

    cpu_account.py snap OUT.json
    cpu_account.py report BEFORE.json AFTER.json NAME=KIND:PID ... [--pg-db PID=DATNAME,...] [--json OUT]

snap records, for every process, utime+stime+cutime+cstime (clock ticks) with its pid, parent, process
group and start time, plus the machine's /proc/stat totals.

report prints the CPU seconds each named set of processes consumed between the two snapshots:
  KIND pid   the process alone                 (e.g. the time-series API's JVM)
  KIND pgid  every process of that process group (cotyledon master + its forked workers)
  KIND tree  the process and all its descendants (the PostgreSQL postmaster and its backends)
Sets are counted on each snapshot with its own membership, and a process's cutime/cstime holds what
its reaped children used, so a worker that exits (CloudKitty exits a worker on a collect error)
is still counted through its parent. With --pg-db (backend pid -> database, read from
pg_stat_activity at the AFTER time), the `tree` set named `postgresql` is also split per database;
what the split cannot attribute (background processes, backends that exited) is `other`.
"""
import json
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def read_stat(pid):
    with open("/proc/%s/stat" % pid) as f:
        s = f.read()
    comm = s[s.index("(") + 1:s.rindex(")")]
    rest = s[s.rindex(")") + 2:].split()
    # rest[0] = state (field 3); field n is rest[n - 3]
    return {"comm": comm, "ppid": int(rest[1]), "pgid": int(rest[2]),
            "ticks": int(rest[11]) + int(rest[12]) + int(rest[13]) + int(rest[14]),
            "start": int(rest[19])}


def snap(out):
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                procs[d] = read_stat(d)
            except (OSError, ValueError, IndexError):
                pass
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    json.dump({"time": time.time(), "procs": procs, "cpu_total": sum(cpu[:8]), "cpu_idle": idle,
               "ncpu": os.cpu_count()}, open(out, "w"))


def members(procs, kind, pid):
    pid = int(pid)
    if kind == "pid":
        return [p for p in procs if int(p) == pid]
    if kind == "pgid":
        return [p for p, v in procs.items() if v["pgid"] == pid]
    if kind == "tree":
        children = {}
        for p, v in procs.items():
            children.setdefault(v["ppid"], []).append(p)
        out, todo = [], [str(pid)] if str(pid) in procs else []
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(int(p), []))
        return out
    raise SystemExit("unknown kind %s" % kind)


def report(before_f, after_f, specs, pg_db=None, json_out=None):
    b, a = json.load(open(before_f)), json.load(open(after_f))
    wall = a["time"] - b["time"]
    result = {"wall_seconds": round(wall, 2), "cpu_seconds": {}}
    named = set()
    for spec in specs:
        name, rest = spec.split("=", 1)
        kind, pid = rest.split(":", 1)
        named.update(members(a["procs"], kind, pid))
        ta = sum(a["procs"][p]["ticks"] for p in members(a["procs"], kind, pid))
        tb = sum(b["procs"][p]["ticks"] for p in members(b["procs"], kind, pid))
        result["cpu_seconds"][name] = round((ta - tb) / HZ, 2)
        if name == "postgresql" and pg_db:
            split = {}
            for p in members(a["procs"], kind, pid):
                db = pg_db.get(p)
                if not db:
                    continue
                before = b["procs"].get(p)
                t0 = before["ticks"] if before and before["start"] == a["procs"][p]["start"] else 0
                split[db] = split.get(db, 0) + a["procs"][p]["ticks"] - t0
            split = {k: round(v / HZ, 2) for k, v in sorted(split.items())}
            split["other"] = round(result["cpu_seconds"][name] - sum(split.values()), 2)
            result["postgresql_by_database"] = split
    busy = (a["cpu_total"] - a["cpu_idle"]) - (b["cpu_total"] - b["cpu_idle"])
    result["machine_busy_cpu_seconds"] = round(busy / HZ, 2)
    result["cpu_seconds"]["everything else"] = round(busy / HZ - sum(result["cpu_seconds"].values()), 2)
    # the biggest of the rest, by command name (processes alive at AFTER; what exited unreaped by a
    # named process, and the kernel, is only in the remainder)
    others = {}
    for p, v in a["procs"].items():
        if p in named:
            continue
        before = b["procs"].get(p)
        t0 = before["ticks"] if before and before["start"] == v["start"] else 0
        if v["ticks"] > t0:
            others[v["comm"]] = others.get(v["comm"], 0) + v["ticks"] - t0
    result["everything_else_top"] = {k: round(t / HZ, 2) for k, t in sorted(others.items(), key=lambda kv: -kv[1])[:6]}
    result["machine_cpu_seconds_available"] = round(wall * a["ncpu"], 2)
    result["machine_utilisation"] = round(busy / HZ / max(wall * a["ncpu"], 1e-9), 3)
    if json_out:
        json.dump(result, open(json_out, "w"), indent=1)
    print(json.dumps(result))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "snap":
        snap(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "report":
        args = sys.argv[4:]
        pg_db, json_out, specs = {}, None, []
        i = 0
        while i < len(args):
            if args[i] == "--pg-db":
                pg_db = dict(kv.split("=", 1) for kv in args[i + 1].split(",") if kv)
                i += 2
            elif args[i] == "--json":
                json_out = args[i + 1]
                i += 2
            else:
                specs.append(args[i])
                i += 1
        report(sys.argv[2], sys.argv[3], specs, pg_db, json_out)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
