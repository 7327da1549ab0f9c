"""What the sync tests share: a connected store, the org seen through the REST API (as any
client sees it), and the local CRM tables as comparable snapshots."""

from __future__ import annotations

from contextlib import contextmanager

from conftest import BrowserStandIn, connect_demo, served_demo_org
from simple_salesforce import format_soql

from navsync_desktop import paths
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.sync import SyncOptions
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.store import crm_records

# Quick retries: the flaky tests meet many faults; the backoff's shape is tested elsewhere.
QUICK_RETRY = RetryPolicy(attempts=5, initial_wait_s=0.01, max_wait_s=0.05)
QUICK = SyncOptions(pacing_delay_s=0.0)


def snapshot(store) -> dict[str, list[tuple]]:
    """Every synced table, row for row, in Id order."""
    db = store.connection
    return {
        table: [tuple(row) for row in db.execute(f'SELECT * FROM "{table}" ORDER BY id')]  # noqa: S608
        for table in crm_records.TABLES.values()
    }


def staging_tables(store) -> list[str]:
    rows = store.connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stage%'"
    )
    return [row[0] for row in rows]


def org_count(connection: ConnectionManager, soql: str) -> int:
    with connection.open_session() as session:
        return session.call(lambda sf: sf.query(soql))["totalSize"]


def org_records(connection: ConnectionManager, soql: str, *args) -> list[dict]:
    with connection.open_session() as session:
        return session.query_all(format_soql(soql, *args))


@contextmanager
def org_client(connection: ConnectionManager):
    """The real simple-salesforce client of the connected org (to change data as a user's
    other tools would)."""
    with connection.open_session() as session:
        yield session


@contextmanager
def connected(store, server: DemoOrgServer, **options):
    """A ConnectionManager on ``store``, logged in to ``server`` by the browser stand-in."""
    with ConnectionManager(
        store, retry=QUICK_RETRY, demo_org=served_demo_org(), **options
    ) as manager:
        connect_demo(manager, BrowserStandIn(server.endpoint.ca_cert))
        yield manager


def demo_org_server(scenario: str | None = None, records: int = 200) -> DemoOrgServer:
    """A demo org announced in this test's NAVSYNC_HOME (so `--demo` commands find it)."""
    return DemoOrgServer(
        paths.demo_org_dir(), port=0, scenario=scenario, records=records, announce=True
    )
