"""Write back 10,000 activities to the demo org, beside one request per record in the same run.

Runs the demo org in this process (HTTPS on loopback, a fresh folder), connects a fresh
NAVSYNC_HOME to it (this script acting as the browser), syncs, imports a LinkedIn export of
the wanted number of activities for a sales rep, then measures:

- ``run_writeback`` (the outbox: sObject Collections of 200, allOrNone=false): seconds and
  HTTP requests, everything included (reconciling, describe, the permission check);
- the plain baseline: the same Task records, built the same way, created one request each
  (simple-salesforce ``Task.create``) through the same session.

    .venv/bin/python benchmarks/bench_writeback.py [--activities N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NAVSYNC_HOME"] = str(Path(folder) / "home")
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "xdg")
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        measure(args.activities, Path(folder))


def measure(count: int, folder: Path) -> None:
    from conftest import BrowserStandIn, connect_demo, served_demo_org
    from linkedin_export import Member, conversations, write

    from navsync_desktop import paths
    from navsync_desktop.demo_org.runtime import DemoOrgServer
    from navsync_desktop.engine import seats
    from navsync_desktop.engine.activity_records import OrgShapes
    from navsync_desktop.engine.connection import ConnectionManager
    from navsync_desktop.engine.linkedin_import import import_messages
    from navsync_desktop.engine.sync import run_sync
    from navsync_desktop.engine.writeback import run_writeback
    from navsync_desktop.store import Store, settings

    seat = Member("Lena Hoffmann", "https://www.linkedin.com/in/lena-hoffmann-northwind/")
    email = "lena.hoffmann@northwind-demo.example"
    server = DemoOrgServer(paths.demo_org_dir(), port=0, records=5_000, announce=True)
    with (
        server,
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
    ):
        connect_demo(manager, BrowserStandIn(server.endpoint.ca_cert))
        run_sync(store, manager)
        seats.add_seat(store, email=email, name=seat.name, profile_url=seat.url)
        settings.put(store, "writeback.enabled", True)
        people = [
            Member(f"{row[0]} {row[1]}", row[2])
            for row in store.connection.execute(
                "SELECT first_name, last_name, linkedin_profile_url FROM crm_contact "
                "WHERE linkedin_profile_url IS NOT NULL LIMIT 2000"
            )
        ]
        rows = conversations(seat, people, count=count)
        imported = import_messages(store, write(folder / "messages.csv", rows), email)
        print(f"imported {imported.added:,} activities, {imported.queued:,} queued")

        started = time.perf_counter()
        result = run_writeback(store, manager)
        outbox_s = time.perf_counter() - started
        print(
            f"outbox: {result.sent:,} Tasks in {outbox_s:.2f} s "
            f"({result.sent / outbox_s:,.0f}/s), {result.api_requests} HTTP requests, "
            f"{result.failed} failed"
        )

        with manager.open_session() as session:
            shapes = OrgShapes.read(session)
            owner = store.connection.execute(
                "SELECT id FROM crm_user WHERE email = ?", (email,)
            ).fetchone()[0]
            records = [
                shapes.task(row, owner)
                for row in store.connection.execute(
                    "SELECT * FROM activities WHERE state = 'sent' ORDER BY id"
                )
            ]
            for record in records:
                del record["attributes"]
            before = session.http_requests
            started = time.perf_counter()
            for record in records:
                session.write(lambda sf, r=record: sf.Task.create(r))
            baseline_s = time.perf_counter() - started
            requests = session.http_requests - before
        print(
            f"baseline (one request per record): {len(records):,} Tasks in {baseline_s:.2f} s "
            f"({len(records) / baseline_s:,.0f}/s), {requests:,} HTTP requests"
        )
        print(f"outbox is {baseline_s / outbox_s:.1f}x faster")


if __name__ == "__main__":
    main()
