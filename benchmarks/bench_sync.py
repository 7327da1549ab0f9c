"""The CRM sync against a large demo org: initial and incremental sync, and a plain baseline.

Starts `demo-org serve --records N` (100,000 contacts: about 143,000 rows over the eight synced
objects) in its own process, connects a fresh NAVSYNC_HOME to it the way a user does (`connect
--demo --no-browser`, this script acting as the browser), then measures in separate processes,
so that each peak RSS is that process's own:

- `navsync-desktop sync --json` (the initial, full sync): seconds, rows/s, HTTP requests, RSS;
- the baseline: plain simple-salesforce, ``query_all_iter`` per object and ``executemany``
  into SQLite, the same fields;
- `navsync-desktop sync --json` again after 1% of the contacts changed and 0.1% were deleted
  through the REST API: seconds, and how many rows it transferred.

Each is run ``--repeat`` times (the initial sync and the baseline in turns); the best run counts.

    .venv/bin/python benchmarks/bench_sync.py [--records N] [--skip-baseline]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests
from bench_demo_serve import login  # the PKCE login, form posted directly
from simple_salesforce import Salesforce, format_soql

from navsync_desktop.demo_org.runtime import DemoOrgEndpoint

CLI = [sys.executable, "-m", "navsync_desktop"]
USERNAME = "integration@northwind-demo.example"
PASSWORD = "Northwind-Demo-2026"  # noqa: S105 - the demo org's documented password


def fresh_home_env(home: Path) -> dict:
    """The environment of a program with its own data folder and a file keyring in it."""
    return {
        **os.environ,
        "NAVSYNC_HOME": str(home),
        "XDG_DATA_HOME": str(home / "xdg"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action, self.fields = None, {}

    def handle_starttag(self, tag, attrs) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.action is None:
            self.action = attributes.get("action", "")
        elif tag == "input" and "name" in attributes:
            self.fields[attributes["name"]] = attributes.get("value", "")


def browser_login(url: str, ca_cert: str) -> None:
    """What the user's browser does with the link `connect --no-browser` prints."""
    http = requests.Session()
    http.trust_env = False
    page = http.get(url, verify=ca_cert, timeout=30)
    form = _Form()
    form.feed(page.text)
    answer = http.post(
        urljoin(page.url, form.action),
        data={**form.fields, "username": USERNAME, "password": PASSWORD, "decision": "allow"},
        verify=ca_cert,
        allow_redirects=False,
        timeout=30,
    )
    http.get(answer.headers["Location"], timeout=30)


def access_token(instance_url: str, ca_cert: str) -> str:
    """An access token of our own, for the baseline and for changing data (PKCE flow)."""
    return login(DemoOrgEndpoint.at(instance_url, Path(ca_cert)), _session(ca_cert), USERNAME)


def _session(ca_cert: str) -> requests.Session:
    http = requests.Session()
    http.trust_env = False  # else REQUESTS_CA_BUNDLE would replace the pinned CA
    http.verify = ca_cert
    return http


def client(instance_url: str, ca_cert: str, token: str) -> Salesforce:
    http = _session(ca_cert)
    return Salesforce(instance_url=instance_url, session_id=token, version="62.0", session=http)


@dataclass(frozen=True)
class Measured:
    output: dict  # the JSON document the command printed
    wall: float  # seconds from start to exit
    cpu: float  # user + system seconds of the process
    peak_rss: float  # MB

    @property
    def seconds(self) -> float:
        return self.output["seconds"]


def measured(command: list[str], env: dict, stdin: str | None = None) -> Measured:
    """Run a command that prints one JSON document; its own wall time, CPU time and peak
    RSS (from wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    output: dict[str, str] = {}
    readers = [
        threading.Thread(target=lambda: output.update(out=process.stdout.read())),
        threading.Thread(target=lambda: output.update(err=process.stderr.read())),
    ]
    for reader in readers:
        reader.start()
    process.stdin.write(stdin or "")
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command[2:])} failed: {output['err'].strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(json.loads(output["out"]), seconds, cpu, usage.ru_maxrss / 1024)


# --- the baseline: plain simple-salesforce ----------------------------------------------------


def baseline(instance_url: str, ca_cert: str, database: str) -> None:
    """query_all_iter per object + executemany into SQLite, the sync's fields."""
    from navsync_desktop.engine.crm_objects import OBJECTS, WON_VALUE

    sf = client(instance_url, ca_cert, sys.stdin.readline().strip())
    db = sqlite3.connect(database)
    rows, started = 0, time.perf_counter()
    for obj in OBJECTS:
        described = getattr(sf, obj.sobject).describe()["fields"]
        names = {f["name"] for f in described} | {f["relationshipName"] for f in described}
        fields = []
        for mapped in obj.all_columns:
            field = "Amount" if mapped.field == WON_VALUE else mapped.field
            if field.split(".")[0] in names:
                fields.append(field)
        fields = list(dict.fromkeys(fields))
        columns = [f'"{field}"' for field in fields]
        db.execute(f"CREATE TABLE {obj.sobject} ({', '.join(columns)})")
        insert = f"INSERT INTO {obj.sobject} VALUES ({', '.join('?' * len(fields))})"  # noqa: S608
        soql = format_soql("SELECT {:literal} FROM {:literal}", ", ".join(fields), obj.sobject)
        batch = []
        for record in sf.query_all_iter(soql):
            values = []
            for field in fields:
                value = record
                for part in field.split("."):
                    value = value.get(part) if value else None
                values.append(value)
            batch.append(values)
            if len(batch) == 2000:
                db.executemany(insert, batch)
                rows += len(batch)
                batch = []
        if batch:
            db.executemany(insert, batch)
            rows += len(batch)
        db.commit()
    print(json.dumps({"rows": rows, "seconds": time.perf_counter() - started}))


# --- changing the org as a client would -------------------------------------------------------


def change_contacts(sf: Salesforce, records: int) -> tuple[int, int]:
    """Update 1% of the contacts (sObject Collections, 200 a call) and delete 0.1%."""
    ids = [row["Id"] for row in sf.query_all_iter("SELECT Id FROM Contact ORDER BY Id")]
    step = 100
    updated = ids[::step]
    for start in range(0, len(updated), 200):
        chunk = updated[start : start + 200]
        sf.restful(
            "composite/sobjects",
            method="PATCH",
            json={
                "allOrNone": True,
                "records": [
                    {"attributes": {"type": "Contact"}, "Id": record_id, "Title": "Benchmark"}
                    for record_id in chunk
                ],
            },
        )
    deleted = ids[7::1000]
    for record_id in deleted:
        sf.Contact.delete(record_id)
    return len(updated), len(deleted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="contacts in the demo org")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="initial syncs and baselines run")
    parser.add_argument("--baseline", nargs=3, help=argparse.SUPPRESS)  # the baseline's process
    args = parser.parse_args()
    if args.baseline:
        baseline(*args.baseline)
        return
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = fresh_home_env(home)
        port = free_port()
        started = time.perf_counter()
        server = subprocess.Popen(
            [*CLI, "demo-org", "serve", "--port", str(port), "--records", str(args.records)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            for line in server.stdout:
                if "serving at" in line:
                    break
            instance_url = f"https://127.0.0.1:{port}"
            ca_cert = str(home / "data" / "demo-org" / "ca.pem")
            seeded = time.perf_counter() - started
            print(f"demo org with {args.records:,} contacts up in {seeded:.1f} s")
            run(args, env, instance_url, ca_cert, home)
        finally:
            server.terminate()
            server.wait(30)


def _times(runs: list[Measured]) -> str:
    return ", ".join(f"{run.seconds:.2f}" for run in runs)


def _line(name: str, runs: list[Measured], rows: int, note: str = "") -> Measured:
    best = min(runs, key=lambda run: run.seconds)
    print(
        f"{name:<16} {rows:>9,} rows  {best.seconds:6.2f} s  {rows / best.seconds:>8,.0f} rows/s"
        f"{note}  peak RSS {max(run.peak_rss for run in runs):5.0f} MB  ({best.wall:.2f} s with "
        f"the process start, {best.cpu:.2f} s CPU; runs: {_times(runs)} s)"
    )
    return best


def connect(env: dict, ca_cert: str) -> None:
    """`connect --demo --no-browser`, this script acting as the browser."""
    process = subprocess.Popen(
        [*CLI, "connect", "--demo", "--no-browser", "--port", str(free_port())],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stdout:
        if line.startswith(("http://", "https://")):
            browser_login(line.strip(), ca_cert)
            break
    if process.wait(60):
        raise SystemExit(f"connect failed: {process.stderr.read()}")


def run(args, env: dict, instance_url: str, ca_cert: str, home: Path) -> None:
    connect(env, ca_cert)
    # Each initial sync starts from the store as `connect` left it. The machine is shared:
    # the sync and the baseline take turns (both meet the same load), and the best of a few
    # runs is the figure least disturbed by others.
    store = home / "data" / "navsync.db"
    kept = store.with_name("kept.db")
    shutil.copy(store, kept)

    def restore_store() -> None:
        for leftover in store.parent.glob("navsync.db*"):
            leftover.unlink()
        shutil.copy(kept, store)

    token = access_token(instance_url, ca_cert)
    database = home / "baseline.sqlite"
    baseline_command = [sys.executable, __file__, "--baseline", instance_url, ca_cert]
    baseline_command.append(str(database))
    initial_runs, baseline_runs = [], []
    for _ in range(args.repeat):
        restore_store()
        initial_runs.append(measured([*CLI, "sync", "--json"], env))
        if not args.skip_baseline:
            database.unlink(missing_ok=True)
            baseline_runs.append(measured(baseline_command, env, token + "\n"))

    rows = sum(counts["read"] for counts in initial_runs[0].output["objects"].values())
    requests = initial_runs[0].output["api_requests"]
    initial = _line("initial sync", initial_runs, rows, f"  {requests:>4} requests")
    for name, counts in initial.output["objects"].items():
        print(f"    {name:<24} {counts['read']:>9,} rows via {counts['api']}")
    if baseline_runs:
        baseline = _line("baseline", baseline_runs, baseline_runs[0].output["rows"])
        print(
            f"initial sync / baseline: {initial.seconds / baseline.seconds:.0%} of the time "
            f"({initial.wall / baseline.wall:.0%} with the process starts; "
            f"{initial.cpu / baseline.cpu:.0%} of the baseline's CPU time in the client)"
        )

    # the incremental syncs all start from the store the last initial sync left
    updated, deleted = change_contacts(client(instance_url, ca_cert, token), args.records)
    shutil.copy(store, kept)
    incremental_runs = []
    for _ in range(args.repeat):
        restore_store()
        incremental_runs.append(measured([*CLI, "sync", "--json"], env))
    incremental = min(incremental_runs, key=lambda run: run.seconds)
    document = incremental.output
    contact = document["objects"]["Contact"]
    transferred = sum(counts["read"] for counts in document["objects"].values())
    print(
        f"incremental sync after {updated:,} contacts changed and {deleted:,} deleted: "
        f"{incremental.seconds:.2f} s ({incremental.seconds / initial.seconds:.0%} of the "
        f"initial; {incremental.wall:.2f} s with the process start; runs: "
        f"{_times(incremental_runs)} s), {document['api_requests']} requests, "
        f"peak RSS {max(run.peak_rss for run in incremental_runs):.0f} MB"
    )
    print(
        f"    rows transferred: {transferred:,} in all; Contact read {contact['read']:,} "
        f"(deletions among them), changed {contact['changed']:,}, deleted {contact['deleted']:,}"
    )


if __name__ == "__main__":
    main()
