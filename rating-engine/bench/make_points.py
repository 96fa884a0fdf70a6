#!/usr/bin/python3
"""Writes N points for the benchmark's rules (the hand-written fixture's), seeded, as JSON lines.

Usage: make_points.py N > points.jsonl
Half instances, half volumes, over three projects (one with project-specific rules), with the
metadata the rules look at (flavor, vCPUs, OS; volume type, encryption), as one hour's collection
of a cloud would give them.
"""
import json
import random
import sys


def main():
    count = int(sys.argv[1])
    rnd = random.Random(16)
    scopes = ["proj-a", "proj-b", "proj-c"]
    for n in range(count):
        scope = scopes[n % 3]
        if n % 2 == 0:
            point = {"type": "instance", "unit": "instance", "qty": rnd.choice(["1", "1", "1", "0", "0.5"]),
                     "metadata": {"flavor_name": rnd.choice(["m1.tiny", "m1.small", "m1.large", "m1.xlarge"]),
                                  "vcpus": rnd.choice([1, 2, 4, 8, 16]),
                                  "os_type": rnd.choice(["linux", "windows", "rhel"])}}
        else:
            point = {"type": "volume.size", "unit": "GiB", "qty": str(rnd.choice([1, 10, 20, 50, 80, 100, 500])),
                     "metadata": {"volume_type": rnd.choice(["ssd", "hdd"]), "encrypted": rnd.choice([True, False])}}
        point.update({"scope": scope, "id": "%s-%d" % (point["type"], n)})
        print(json.dumps(point))


if __name__ == "__main__":
    main()
