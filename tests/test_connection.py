"""The connection lifecycle against the demo org: connect, states, refresh failure and the
grace window, reconnect, another org, disconnect -- with the store and keyring for real."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from conftest import connect_demo, free_port, served_demo_org

from navsync_desktop import credentials, paths
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine.connection import (
    GRACE_WINDOW,
    ConnectionManager,
    DifferentOrgError,
    NotConnected,
)
from navsync_desktop.logs import setup_logging
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import AuthorizationCancelled, ReconnectRequired
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.store import Store, settings, sync_runs
from navsync_desktop.store import connection as stored
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState

FAST_RETRY = RetryPolicy(attempts=2, initial_wait_s=0.01, max_wait_s=0.02)
PERSONAL_ADMIN = "dana.fischer@northwind-demo.example"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store():
    with Store.open(paths.store_path()) as store:
        yield store


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def manager(store, clock):
    with ConnectionManager(
        store, clock=clock, retry=FAST_RETRY, demo_org=served_demo_org()
    ) as manager:
        yield manager


def keep_local_data(store) -> None:
    settings.put(store, "auto_sync_all", True)
    sync_runs.finish(store, sync_runs.start(store, "full"))


def test_connect_keeps_metadata_in_sqlite_and_the_refresh_token_in_the_keyring_only(
    demo_org, browser, manager, store, clock, navsync_home
):
    setup_logging(logging.DEBUG)
    states = []
    manager.add_listener(lambda record: states.append(record.state))

    record = connect_demo(manager, browser)

    assert states == [ConnectionState.CONNECTING, ConnectionState.CONNECTED]
    assert record == stored.load(store)
    assert record.state is ConnectionState.CONNECTED
    assert record.org_id.startswith("00D") and record.org_name
    assert record.username == "integration@northwind-demo.example"
    assert record.user_id.startswith("005")
    assert record.instance_url == record.login_url == demo_org.endpoint.instance_url
    assert record.connected_at == clock.now.isoformat(timespec="seconds")
    assert record.is_demo

    kept = credentials.load(record.org_id)
    assert kept.instance_url == record.instance_url
    assert kept.client_id == demo_org.endpoint.client_id
    with manager.open_session() as session:
        assert session.userinfo()["preferred_username"] == record.username
        access_token = session.call(lambda sf: sf.session_id)

    logging.getLogger().handlers[-1].flush()
    searched = [path for path in navsync_home.rglob("*") if path.is_file()]
    assert any(path.suffix == ".log" for path in searched)
    assert any(path.name == "navsync.db" for path in searched)
    for path in searched:
        content = path.read_bytes()
        assert kept.refresh_token.encode() not in content, path
        assert access_token.encode() not in content, path


def test_refresh_failure_means_reconnect_required_then_disconnected_after_the_grace_window(
    demo_org, browser, manager, store, clock
):
    record = connect_demo(manager, browser)
    keep_local_data(store)
    kept = credentials.load(record.org_id)
    oauth.revoke_token(kept.instance_url, kept.refresh_token, ca_cert=demo_org.endpoint.ca_cert)
    states = []
    manager.add_listener(lambda r: states.append((r.state, r.reconnect_by)))

    with manager.open_session() as session, pytest.raises(ReconnectRequired):
        session.limits()

    reconnect_by = (clock.now + GRACE_WINDOW).isoformat(timespec="seconds")
    assert states == [(ConnectionState.RECONNECT_REQUIRED, reconnect_by)]
    assert manager.state is ConnectionState.RECONNECT_REQUIRED
    with pytest.raises(NotConnected, match="reconnect by"):
        manager.open_session()

    clock.now += GRACE_WINDOW - timedelta(seconds=1)
    assert manager.state is ConnectionState.RECONNECT_REQUIRED
    clock.now += timedelta(seconds=2)
    assert manager.state is ConnectionState.DISCONNECTED
    assert states[-1] == (ConnectionState.DISCONNECTED, None)
    assert credentials.load(record.org_id) is None
    assert stored.load(store).org_id == record.org_id, "whose data it is stays known"
    assert settings.get(store, "auto_sync_all") is True and sync_runs.count(store) == 1


def test_disconnect_revokes_the_token_and_keeps_local_data(demo_org, browser, manager, store):
    record = connect_demo(manager, browser)
    keep_local_data(store)
    old = credentials.load(record.org_id)

    assert manager.disconnect() is True

    with pytest.raises(ReconnectRequired):
        oauth.refresh_access_token(
            old.instance_url,
            refresh_token=old.refresh_token,
            client_id=old.client_id,
            ca_cert=demo_org.endpoint.ca_cert,
        )
    assert credentials.load(record.org_id) is None
    assert manager.state is ConnectionState.DISCONNECTED
    assert settings.get(store, "auto_sync_all") is True and sync_runs.count(store) == 1
    with pytest.raises(NotConnected):
        manager.open_session()


def test_disconnect_with_purge_deletes_local_data(demo_org, browser, manager, store):
    connect_demo(manager, browser)
    keep_local_data(store)
    manager.disconnect(purge=True)
    assert stored.load(store) == ConnectionRecord()
    assert settings.all_settings(store) == {} and sync_runs.count(store) == 0


def test_reconnecting_as_another_user_of_the_same_org_keeps_settings(
    demo_org, browser, manager, store
):
    first = connect_demo(manager, browser)
    keep_local_data(store)
    first_token = credentials.load(first.org_id).refresh_token

    second = connect_demo(manager, browser, username=PERSONAL_ADMIN)

    assert second.org_id == first.org_id and second.username == PERSONAL_ADMIN
    assert settings.get(store, "auto_sync_all") is True and sync_runs.count(store) == 1
    assert credentials.load(second.org_id).refresh_token != first_token
    with pytest.raises(ReconnectRequired):  # the earlier user's grant was revoked
        oauth.refresh_access_token(
            first.instance_url,
            refresh_token=first_token,
            client_id=demo_org.endpoint.client_id,
            ca_cert=demo_org.endpoint.ca_cert,
        )


def test_another_org_asks_before_replacing_local_data(demo_org, browser, manager, store):
    other_org = ConnectionRecord(
        state=ConnectionState.DISCONNECTED, org_id="00D5g000001AbCdEAK", org_name="Contoso"
    )
    stored.save(store, other_org)
    keep_local_data(store)

    with pytest.raises(DifferentOrgError, match="Contoso") as asked:
        connect_demo(manager, browser)
    assert "--replace-data" in str(asked.value)
    assert stored.load(store) == other_org, "nothing changed"
    assert credentials.load(asked.value.new_org_id) is None
    assert settings.get(store, "auto_sync_all") is True

    record = connect_demo(manager, browser, replace_data=True)
    assert record.state is ConnectionState.CONNECTED and record.org_id != other_org.org_id
    assert settings.all_settings(store) == {} and sync_runs.count(store) == 0


def test_connect_can_be_cancelled_and_restores_the_previous_state(demo_org, manager):
    waiting = threading.Event()

    def show_link(_url: str) -> None:
        waiting.set()

    threading.Thread(target=lambda: waiting.wait(10) and manager.cancel_connect()).start()
    with pytest.raises(AuthorizationCancelled):
        manager.connect(
            demo=True, port=free_port(), open_browser=False, on_authorization_url=show_link
        )
    assert manager.state is ConnectionState.DISCONNECTED


def test_syncing_is_a_state_between_connected_and_connected(demo_org, browser, manager):
    connect_demo(manager, browser)
    with manager.syncing():
        assert manager.state is ConnectionState.SYNCING
    assert manager.state is ConnectionState.CONNECTED


def test_an_interrupted_connect_reads_as_disconnected_on_the_next_start(store):
    stored.save(store, ConnectionRecord(state=ConnectionState.CONNECTING))
    with ConnectionManager(store) as manager:
        assert manager.state is ConnectionState.DISCONNECTED


def test_an_org_without_api_access_still_connects_for_the_checks_to_explain(
    tmp_path, browser, store
):
    folder = tmp_path / "no-api-org"
    with (
        DemoOrgServer(
            folder, port=0, scenario="professional-no-api", records=50, announce=True
        ) as server,
        ConnectionManager(store, demo_org=served_demo_org(folder), retry=FAST_RETRY) as manager,
    ):
        record = connect_demo(manager, type(browser)(server.endpoint.ca_cert))
    assert record.state is ConnectionState.CONNECTED
    assert record.org_id.startswith("00D") and record.org_name is None
