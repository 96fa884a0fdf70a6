#!/usr/bin/python3
"""Drives a CloudKitty-compatible API with Debian's python3-cloudkittyclient, as an operator would.

    cloudkitty_client_check.py URL [--via cloudkitty|openstack]

The `cloudkitty` CLI, or with `--via openstack` the same commands as `openstack rating ...` (the
client's OpenStackClient plugin, python3-openstackclient), with CloudKitty's noauth plugin,
enables the hashmap module and configures it (service, field, group,
mappings generic and project-specific, a threshold), lists it back, adds rated dataframes (v2) and
reads them as dataframes and summaries (v1 and v2); the client library runs a quote, which the CLI
has no command for. Every answer is checked; the first mismatch exits 1 with what differs.
"""
import json
import subprocess
import sys
import tempfile
from decimal import Decimal

from cloudkittyclient import client
from cloudkittyclient.auth import CloudKittyNoAuthPlugin
from keystoneauth1 import session

URL = sys.argv[1]
VIA = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--via" else "cloudkitty"
P1 = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
P2 = "0f9e8d7c6b5a49382716f5e4d3c2b1a0"


def cli(*args, version="1"):
    if VIA == "openstack":
        command = ["openstack", "--os-auth-type", "cloudkitty-noauth", "--os-endpoint", URL,
                   "--rating-api-version", version, "rating", *args]
    else:
        command = ["cloudkitty", "--os-auth-type", "cloudkitty-noauth", "--os-endpoint", URL,
                   "--os-rating-api-version", version, *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        fail("`%s` exited %d: %s" % (" ".join(args), done.returncode, done.stderr.strip()))
    out = done.stdout.strip()
    return json.loads(out) if "-f" in args and "json" in args and out else out


def created(rows, column):
    """The id column of what a create command printed (the CLI prints one row as a list)."""
    row = rows[0] if isinstance(rows, list) else rows
    return row[column]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def expect(what, actual, expected):
    if actual != expected:
        fail("%s: expected %r, got %r" % (what, expected, actual))
    print("ok  %s: %s" % (what, actual))


def main():
    cli("module", "enable", "hashmap")
    enabled = cli("module", "get", "hashmap", "-f", "json")
    expect("hashmap enabled", [m["Enabled"] for m in enabled], [True])

    service = created(cli("hashmap", "service", "create", "instance", "-f", "json"), "Service ID")
    field = created(cli("hashmap", "field", "create", service, "flavor_name", "-f", "json"), "Field ID")
    group = created(cli("hashmap", "group", "create", "instance_uptime", "-f", "json"), "Group ID")
    cli("hashmap", "mapping", "create", "--field-id", field, "--value", "m1.small", "-t", "flat",
        "-g", group, "0.5")
    cli("hashmap", "mapping", "create", "--field-id", field, "--value", "m1.small", "-t", "flat",
        "-g", group, "-p", P2, "0.7")
    cli("hashmap", "threshold", "create", "-s", service, "-t", "flat", "3", "1.5")

    mappings = cli("hashmap", "mapping", "list", "--field-id", field, "-f", "json")
    expect("field mappings listed", sorted(Decimal(m["Cost"]) for m in mappings),
           [Decimal("0.5"), Decimal("0.7")])
    thresholds = cli("hashmap", "threshold", "list", "-s", service, "-f", "json")
    expect("service thresholds listed", [(Decimal(t["Level"]), Decimal(t["Cost"])) for t in thresholds],
           [(Decimal("3"), Decimal("1.5"))])
    groups = cli("hashmap", "group", "list", "-f", "json")
    expect("groups listed", [g["Name"] for g in groups], ["instance_uptime"])

    # The quote: through the client library (python3-cloudkittyclient has no CLI command for it).
    ck = client.Client("1", session=session.Session(auth=CloudKittyNoAuthPlugin(endpoint=URL)))
    quote = ck.rating.get_quotation(res_data=[
        {"service": "instance", "desc": {"flavor_name": "m1.small", "project_id": P1}, "volume": "2"},
        {"service": "instance", "desc": {"flavor_name": "m1.small", "project_id": P2}, "volume": "2"},
        {"service": "instance", "desc": {"flavor_name": "m1.small", "project_id": P1}, "volume": "3"},
    ])
    # 0.5 x 2, the second project's 0.7 x 2, and 0.5 x 3 plus the service threshold's 1.5 at 3 and above.
    expect("quote", Decimal(str(quote)), Decimal("5.4"))

    frames = {"dataframes": [{
        "period": {"begin": "2026-11-01T00:00:00", "end": "2026-11-01T01:00:00"},
        "usage": {"instance": [
            {"vol": {"unit": "instance", "qty": 1}, "rating": {"price": 0.5},
             "groupby": {"id": "vm-1", "project_id": P1}, "metadata": {"flavor_name": "m1.small"}},
            {"vol": {"unit": "instance", "qty": 1}, "rating": {"price": 0.7},
             "groupby": {"id": "vm-2", "project_id": P2}, "metadata": {"flavor_name": "m1.small"}},
        ]},
    }, {
        "period": {"begin": "2026-11-01T01:00:00", "end": "2026-11-01T02:00:00"},
        "usage": {"instance": [
            {"vol": {"unit": "instance", "qty": 1}, "rating": {"price": 0.5},
             "groupby": {"id": "vm-1", "project_id": P1}, "metadata": {"flavor_name": "m1.small"}},
        ]},
    }]}
    with tempfile.NamedTemporaryFile("w", suffix=".json") as datafile:
        json.dump(frames, datafile)
        datafile.flush()
        cli("dataframes", "add", datafile.name, version="2")

    got = cli("dataframes", "get", "-b", "2026-11-01T00:00:00", "-e", "2026-11-02T00:00:00",
              "--filter", "project_id:" + P1, "-f", "json", version="2")
    expect("dataframes of the first project", len(got), 2)

    summary = cli("summary", "get", "-b", "2026-11-01T00:00:00", "-e", "2026-11-02T00:00:00",
                  "-g", "project_id", "-f", "json", version="2")
    by_project = {row["Project id"]: Decimal(str(row["Rate"])) for row in summary}
    expect("v2 summary by project", by_project, {P1: Decimal("1.0"), P2: Decimal("0.7")})

    total = cli("summary", "get", "-b", "2026-11-01T00:00:00", "-e", "2026-11-02T00:00:00",
                "-f", "json")
    expect("v1 summary total", [Decimal(str(row["Rate"])) for row in total], [Decimal("1.7")])

    # A scope state, as the processor leaves one (the client has no create command: the API's POST).
    ck2 = client.Client("2", session=session.Session(auth=CloudKittyNoAuthPlugin(endpoint=URL)))
    ck2.api_client.post("/v2/scope", json={
        "scope_id": P1, "scope_key": "project_id", "fetcher": "gnocchi", "collector": "gnocchi",
        "last_processed_timestamp": "2026-11-01T01:00:00+00:00"})
    scopes = cli("scope", "state", "get", "-f", "json", version="2")
    expect("scope states", [(s["Scope ID"], s["State"][:19]) for s in scopes],
           [(P1, "2026-11-01T01:00:00")])
    # A reset to the hour before deletes what was rated from then on: the second hour of P1.
    cli("scope", "state", "reset", "--scope-id", P1, "2026-11-01T01:00:00Z", version="2")
    got = cli("dataframes", "get", "-b", "2026-11-01T00:00:00", "-e", "2026-11-02T00:00:00",
              "--filter", "project_id:" + P1, "-f", "json", version="2")
    expect("dataframes of the first project after the reset", len(got), 1)
    print("all checks passed (via %s)" % VIA)


if __name__ == "__main__":
    main()
