"""The connection lifecycle against the demo org: connect, states, refresh failure and the
grace window, reconnect, another org, disconnect -- with the store and keyring for real."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import keyring
import keyring.core
import pytest
from conftest import connect_demo, free_port, served_demo_org
from keyring.backend import KeyringBackend

from navsync_desktop import credentials, paths
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine.connection import (
    GRACE_WINDOW,
    ConnectionManager,
    DifferentOrgError,
    KeyringEntryKept,
    NotConnected,
)
from navsync_desktop.engine.connection_state import ConnectionStateMachine
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.logs import setup_logging
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    AuthorizationCancelled,
    ReconnectRequired,
    SalesforceUnavailable,
)
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.salesforce.session import SalesforceSession
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


@pytest.mark.parametrize(
    "before", [ConnectionState.CONNECTED, ConnectionState.RECONNECT_REQUIRED, "never connected"]
)
def test_an_interrupted_connect_restores_the_state_before_it_on_the_next_start(
    demo_org, browser, manager, store, clock, before
):
    """The program dies while it waits for the browser (a reconnect, or a first connect): the
    next start finds the connection as it was, its keyring entry untouched."""
    if before != "never connected":
        connect_demo(manager, browser)
    if before is ConnectionState.RECONNECT_REQUIRED:
        manager.mark_reconnect_required()
    kept = stored.load_stored(store)
    token = credentials.load(kept.org_id).refresh_token if kept.org_id else None

    ConnectionStateMachine(store, clock=clock).begin_connecting()  # ... and the program is gone
    assert stored.load(store).state is ConnectionState.CONNECTING

    clock.now += timedelta(hours=1)  # well within the grace window
    with ConnectionManager(store, clock=clock, demo_org=served_demo_org()) as restarted:
        assert restarted.record() == kept
    assert stored.load_stored(store) == kept
    if token is not None:
        assert credentials.load(kept.org_id).refresh_token == token
        oauth.refresh_access_token(  # the token still works: nothing revoked it
            kept.instance_url,
            refresh_token=token,
            client_id=demo_org.endpoint.client_id,
            ca_cert=demo_org.endpoint.ca_cert,
        )


def test_a_sync_that_was_running_when_the_program_died_is_over_on_the_next_start(
    demo_org, browser, manager, store
):
    connect_demo(manager, browser)
    stored.save(store, replace(stored.load(store), state=ConnectionState.SYNCING))
    with ConnectionManager(store, demo_org=served_demo_org()) as restarted:
        assert restarted.state is ConnectionState.CONNECTED


class RefusingKeyring(KeyringBackend):
    """The real file keyring, except that it refuses to store Salesforce credentials (its health
    probe still passes). Stands in for a keyring that fails on writing (full disk, a collection
    locked meanwhile): a real one cannot be made to fail on cue here."""

    priority = 1

    def __init__(self, real: KeyringBackend) -> None:
        super().__init__()
        self._real = real

    def get_password(self, service, username):
        return self._real.get_password(service, username)

    def set_password(self, service, username, password):
        if username.startswith("salesforce:"):
            raise OSError(28, "No space left on device")
        self._real.set_password(service, username, password)

    def delete_password(self, service, username):
        self._real.delete_password(service, username)


class ExchangedTokens:
    """Keeps the tokens of every code exchange (the real one runs), so a test can check what
    became of a grant the program did not keep."""

    def __init__(self, monkeypatch) -> None:
        self.tokens: list[oauth.TokenResponse] = []
        real = oauth.exchange_code

        def exchange(*args, **kwargs):
            self.tokens.append(real(*args, **kwargs))
            return self.tokens[-1]

        monkeypatch.setattr(oauth, "exchange_code", exchange)

    def assert_revoked(self, demo_org) -> None:
        with pytest.raises(ReconnectRequired):
            oauth.refresh_access_token(
                demo_org.endpoint.instance_url,
                refresh_token=self.tokens[-1].refresh_token,
                client_id=demo_org.endpoint.client_id,
                ca_cert=demo_org.endpoint.ca_cert,
            )


def test_switching_org_keeps_the_old_org_when_the_new_token_cannot_be_saved(
    demo_org, browser, manager, store, monkeypatch
):
    other_org = ConnectionRecord(
        state=ConnectionState.CONNECTED,
        org_id="00D5g000001AbCdEAK",
        org_name="Contoso",
        instance_url=demo_org.endpoint.instance_url,
        is_demo=True,
    )
    stored.save(store, other_org)
    keep_local_data(store)
    contoso = credentials.SalesforceCredentials(
        "5AepContosoRefreshToken0000000000", other_org.instance_url, "client", other_org.org_id
    )
    credentials.save(contoso)
    exchanged = ExchangedTokens(monkeypatch)
    keyring.set_keyring(RefusingKeyring(keyring.get_keyring()))

    with pytest.raises(credentials.CredentialsError):
        connect_demo(manager, browser, replace_data=True)

    assert stored.load(store) == other_org
    assert settings.get(store, "auto_sync_all") is True and sync_runs.count(store) == 1
    assert credentials.load(other_org.org_id) == contoso
    exchanged.assert_revoked(demo_org)


def test_reconnecting_keeps_the_old_token_when_the_new_one_cannot_be_saved(
    demo_org, browser, manager, store, monkeypatch
):
    first = connect_demo(manager, browser)
    old = credentials.load(first.org_id)
    exchanged = ExchangedTokens(monkeypatch)
    keyring.set_keyring(RefusingKeyring(keyring.get_keyring()))

    with pytest.raises(credentials.CredentialsError):
        connect_demo(manager, browser, username=PERSONAL_ADMIN)

    assert stored.load(store) == first
    assert credentials.load(first.org_id) == old
    with manager.open_session() as session:  # the old connection still works
        assert session.userinfo()["preferred_username"] == first.username
    exchanged.assert_revoked(demo_org)


def test_a_grant_is_revoked_when_reading_the_user_fails_after_the_code_exchange(
    demo_org, browser, manager, store, monkeypatch
):
    """Salesforce fails right after the login (the demo org has no fault injection, so the
    userinfo call is made to fail here). The grant that was just issued must not linger."""
    exchanged = ExchangedTokens(monkeypatch)

    def unavailable(_session):
        raise SalesforceUnavailable(QT_TRANSLATE_NOOP("Salesforce", "Salesforce kept failing"))

    monkeypatch.setattr(SalesforceSession, "userinfo", unavailable)

    with pytest.raises(SalesforceUnavailable):
        connect_demo(manager, browser)

    assert manager.state is ConnectionState.DISCONNECTED
    assert credentials.load(exchanged.tokens[-1].org_id) is None
    exchanged.assert_revoked(demo_org)


def test_cancel_and_the_state_answer_while_disconnect_waits_for_the_network(
    demo_org, browser, manager, monkeypatch
):
    """The revoke call of a disconnect is slow (held here until the test lets it go): the
    GUI thread's Cancel and its state reads must not wait behind it."""
    connect_demo(manager, browser)
    in_revoke, release = threading.Event(), threading.Event()
    real_revoke = oauth.revoke_token

    def slow_revoke(*args, **kwargs):
        in_revoke.set()
        release.wait(30)
        return real_revoke(*args, **kwargs)

    monkeypatch.setattr(oauth, "revoke_token", slow_revoke)
    disconnecting = threading.Thread(target=manager.disconnect)
    disconnecting.start()
    try:
        assert in_revoke.wait(30)
        answered = threading.Event()

        def gui_thread() -> None:
            manager.cancel_connect()
            assert manager.state is ConnectionState.CONNECTED
            answered.set()

        threading.Thread(target=gui_thread, daemon=True).start()
        assert answered.wait(10), "Cancel waited for the network call"
    finally:
        release.set()
        disconnecting.join(30)
    assert manager.state is ConnectionState.DISCONNECTED


def test_cancel_answers_while_the_demo_org_starts(store, monkeypatch):
    """Starting the demo org can take a while (seeding): Cancel during it ends the connect."""
    starting, release = threading.Event(), threading.Event()

    def slow_demo_org(_port):
        starting.set()
        release.wait(30)
        raise AssertionError("not reached: the connect was cancelled")

    manager = ConnectionManager(store, demo_org=slow_demo_org)
    outcome = []
    connecting = threading.Thread(
        target=lambda: outcome.append(_attempt(lambda: manager.connect(demo=True)))
    )
    connecting.start()
    try:
        assert starting.wait(30)
        answered = threading.Event()
        threading.Thread(
            target=lambda: (manager.cancel_connect(), manager.state, answered.set()), daemon=True
        ).start()
        assert answered.wait(10), "Cancel waited for the demo org"
    finally:
        release.set()
        connecting.join(30)
    assert manager.state is ConnectionState.DISCONNECTED


def _attempt(call):
    try:
        return call()
    except BaseException as error:
        return error


def test_disconnect_with_a_damaged_keyring_still_disconnects_here(
    demo_org, browser, manager, store, keyring_file
):
    record = connect_demo(manager, browser)
    keyring_file.write_text("garbage without a section header\n")
    keyring.core.init_backend()

    with pytest.raises(KeyringEntryKept) as kept:
        manager.disconnect()

    assert manager.state is ConnectionState.DISCONNECTED
    message = str(kept.value)
    assert record.org_id in message and "neither revoked nor removed" in message
    assert "Setup" in message and "PYTHON_KEYRING_BACKEND" in message  # what to do


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
