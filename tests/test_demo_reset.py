"""Demo reset: the demo org seeded anew (its data and logins), the local store cleared, the demo
connection's keyring entry removed; a real org's connection is never touched; a demo org that
another server runs is left alone and the result says to restart it with --reset."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
import requests
from conftest import BrowserStandIn, connect_demo, free_port
from sync_support import QUICK, QUICK_RETRY

from navsync_desktop import credentials, paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine import seats
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.demo_reset import DemoResetRefused, reset_demo
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.store import Store, crm_records, settings
from navsync_desktop.store import connection as stored_connection
from navsync_desktop.store import seats as stored_seats
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState

RECORDS = 200
SEAT = {"email": "lena.hoffmann@northwind-demo.example", "name": "Lena Hoffmann"}


def seeded_small_demo_org() -> None:
    """The demo org's folder seeded with a small org (the embedded one keeps its size)."""
    with DemoOrgServer(paths.demo_org_dir(), port=0, records=RECORDS):
        pass


def contacts_named(manager, last_name: str) -> int:
    with manager.open_session() as session:
        return len(
            session.query_all(f"SELECT Id FROM Contact WHERE LastName = '{last_name}'")  # noqa: S608 - a constant
        )


def used_demo(store, manager, launcher) -> str:
    """Connect, sync, add a seat and a Contact in the org; returns the refresh token."""
    connect_demo(manager, BrowserStandIn(launcher().ca_cert))
    with manager.open_session() as session:
        session.call(lambda sf: sf.Contact.create({"LastName": "Reset-Me", "Email": "r@x.example"}))
    assert run_sync(store, manager, options=QUICK).outcome is Outcome.SUCCEEDED
    seats.add_seat(store, **SEAT)
    settings.put(store, "sync.interval_minutes", 15)
    return credentials.load(manager.record().org_id).refresh_token


def assert_local_data_cleared(store, org_id: str) -> None:
    assert credentials.load(org_id) is None
    assert stored_connection.load(store) == ConnectionRecord()
    assert set(crm_records.counts(store).values()) == {0}
    assert stored_seats.all_seats(store) == []
    assert settings.all_settings(store) == {}


def test_reset_reseeds_the_embedded_org_clears_the_store_and_the_keyring(store):
    seeded_small_demo_org()
    port = free_port()
    with (
        DemoOrgLauncher(paths.demo_org_dir, port=lambda: port) as launcher,
        ConnectionManager(store, retry=QUICK_RETRY, demo_org=launcher) as manager,
    ):
        refresh_token = used_demo(store, manager, launcher)
        org_id = manager.record().org_id
        assert contacts_named(manager, "Reset-Me") == 1

        result = reset_demo(manager)

        assert result.org_reseeded and "seeded anew" in str(result.summary())
        assert_local_data_cleared(store, org_id)
        endpoint = launcher()  # started again, on the same port, from the new file
        assert endpoint.instance_url.endswith(f":{port}")
        refused = requests.post(
            f"{endpoint.instance_url}/services/oauth2/token",
            data={"grant_type": "refresh_token", "refresh_token": refresh_token},
            verify=str(endpoint.ca_cert),
            timeout=30,
        )
        assert refused.status_code == 400  # the old login is gone with the old org
        connect_demo(manager, BrowserStandIn(endpoint.ca_cert))
        assert contacts_named(manager, "Reset-Me") == 0
        with manager.open_session() as session:
            contacts = session.call(lambda sf: sf.query("SELECT COUNT() FROM Contact"))
        assert contacts["totalSize"] == RECORDS


def test_reset_refuses_a_real_orgs_connection_and_changes_nothing(store):
    real = ConnectionRecord(
        state=ConnectionState.CONNECTED,
        org_id="00D5g000004XyZaEAK",
        username="admin@customer.example",
        user_id="0055g00000AbCdEAAZ",
        instance_url="https://customer.my.salesforce.com",
    )
    stored_connection.save(store, real)
    credentials.save(
        credentials.SalesforceCredentials("5Aep-real-token", real.instance_url, "id", real.org_id)
    )
    seats.add_seat(store, **SEAT)
    with (
        DemoOrgLauncher(paths.demo_org_dir, port=free_port) as launcher,
        ConnectionManager(store, demo_org=launcher) as manager,
        pytest.raises(DemoResetRefused, match="belongs to the Salesforce org 00D5g000004XyZaEAK"),
    ):
        reset_demo(manager)
    assert stored_connection.load(store) == real
    assert credentials.load(real.org_id).refresh_token == "5Aep-real-token"
    assert [seat.email for seat in stored_seats.all_seats(store)] == [SEAT["email"]]
    assert not (paths.demo_org_dir() / "org.sqlite").exists()  # the demo org was not even seeded


def test_a_demo_org_served_by_another_server_is_left_for_a_restart_with_reset(store, demo_org):
    """``demo_org`` serves the folder (as `demo-org serve` would): its file is not swapped."""
    with (
        DemoOrgLauncher(paths.demo_org_dir, port=free_port) as launcher,
        ConnectionManager(store, retry=QUICK_RETRY, demo_org=launcher) as manager,
    ):
        used_demo(store, manager, launcher)
        org_id = manager.record().org_id

        result = reset_demo(manager)

        assert not result.org_reseeded
        assert result.served_at == demo_org.endpoint.instance_url
        assert "demo-org serve --reset" in str(result.summary())
        assert_local_data_cleared(store, org_id)
        connect_demo(manager, BrowserStandIn(demo_org.endpoint.ca_cert))
        assert contacts_named(manager, "Reset-Me") == 1  # untouched, as said


def serve_with_reset(port: int | None = None) -> list[str]:
    """`demo-org serve --reset` in a subprocess; what it printed until it served (or ended)."""
    serve = [sys.executable, "-m", "navsync_desktop", "demo-org", "serve", "--reset"]
    server = subprocess.Popen(
        [*serve, "--port", str(port or free_port()), "--records", str(RECORDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    said = []
    try:
        for line in server.stdout:
            said.append(line)
            if line.startswith("Press Ctrl+C"):
                break
    finally:
        server.terminate()
        server.wait(30)
    return said


def demo_used_and_closed() -> str:
    """A small demo org used as a user would (connected, synced, data kept), then the program
    closed; returns the org's Id."""
    seeded_small_demo_org()
    with (
        Store.open(paths.store_path()) as store,
        DemoOrgLauncher(paths.demo_org_dir, port=free_port) as launcher,
        ConnectionManager(store, retry=QUICK_RETRY, demo_org=launcher) as manager,
    ):
        used_demo(store, manager, launcher)
        org_id = manager.record().org_id
    return org_id


def test_demo_org_serve_with_reset_also_clears_the_local_demo_data(navsync_home):
    """`demo-org serve --reset` is the demo reset of a served org: seeded anew there, and the
    local data and the demo login cleared here (the real command in a subprocess)."""
    org_id = demo_used_and_closed()
    said = serve_with_reset()
    assert "Local data cleared and the demo login removed from the keyring.\n" in said
    with Store.open(paths.store_path()) as store:
        assert_local_data_cleared(store, org_id)


def test_demo_org_serve_with_reset_keeps_a_real_orgs_local_data(store):
    real = ConnectionRecord(state=ConnectionState.CONNECTED, org_id="00D5g000004XyZaEAK")
    stored_connection.save(store, real)
    seats.add_seat(store, **SEAT)
    store.close()  # the command opens it as the program would
    said = serve_with_reset()
    assert "The local data belongs to a Salesforce org, not to the demo: kept.\n" in said
    with Store.open(paths.store_path()) as reopened:
        assert stored_connection.load(reopened) == real
        assert [seat.email for seat in stored_seats.all_seats(reopened)] == [SEAT["email"]]


def test_demo_org_serve_with_reset_on_a_busy_port_keeps_the_local_demo_data(navsync_home):
    """The org was not seeded anew, so the demo login still works: nothing is cleared."""
    org_id = demo_used_and_closed()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        said = serve_with_reset(taken.getsockname()[1])
    assert not any("Local data cleared" in line for line in said)
    assert credentials.load(org_id) is not None
    with Store.open(paths.store_path()) as store:
        assert [seat.email for seat in stored_seats.all_seats(store)] == [SEAT["email"]]
