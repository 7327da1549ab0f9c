"""The connection lifecycle: connect, the state machine, sessions, disconnect. No Qt.

States: Disconnected -> Connecting -> Connected <-> Syncing; a refused token
refresh makes it Reconnect required, with a grace window of three days after
which it is Disconnected. Every transition is persisted in the store and
reported to the listeners (the GUI bridges them to Qt signals; they may be
called from any thread). Tokens go to the keyring only.
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from navsync_desktop import credentials, paths
from navsync_desktop.credentials import CredentialsError, SalesforceCredentials
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    ReconnectRequired,
    SalesforceApiError,
    SalesforceError,
)
from navsync_desktop.salesforce.login_hosts import PRODUCTION_LOGIN_URL, check_login_url
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store
from navsync_desktop.store import connection as stored
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState

log = logging.getLogger(__name__)

GRACE_WINDOW = timedelta(days=3)
ORGANIZATION_SOQL = "SELECT Id, Name, IsSandbox, OrganizationType FROM Organization"

Listener = Callable[[ConnectionRecord], None]

_S = ConnectionState
# Connecting may end in any state: a failed or cancelled connect restores the previous one.
_ALLOWED = {
    _S.DISCONNECTED: {_S.CONNECTING},
    _S.CONNECTING: set(_S),
    _S.CONNECTED: {_S.CONNECTING, _S.SYNCING, _S.RECONNECT_REQUIRED, _S.DISCONNECTED},
    _S.SYNCING: {_S.CONNECTED, _S.RECONNECT_REQUIRED, _S.DISCONNECTED},
    _S.RECONNECT_REQUIRED: {_S.CONNECTING, _S.DISCONNECTED},
}


class ConnectionFailed(Exception):
    """A connection step cannot go on; ``text`` says why and what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class NotConnected(ConnectionFailed):
    pass


class DifferentOrgError(ConnectionFailed):
    """The login was to another org than the one whose data is kept here."""

    def __init__(self, kept: ConnectionRecord, new_org_id: str, new_org_name: str | None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Connection",
                "You logged in to {new_org} ({new_id}), but the local data belongs to {old_org} "
                "({old_id}). Connect again and confirm that the local data is replaced "
                "(--replace-data), or log in to {old_org}.",
            ).format(
                new_org=new_org_name or new_org_id,
                new_id=new_org_id,
                old_org=kept.org_name or kept.org_id,
                old_id=kept.org_id,
            )
        )
        self.kept_org = kept.org_name or kept.org_id
        self.kept_org_id = kept.org_id
        self.new_org = new_org_name or new_org_id
        self.new_org_id = new_org_id


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _port_of(url: str) -> int | None:
    return urlsplit(url).port


class ConnectionManager:
    """The one owner of the connection state of a store.

    Used from the CLI and from the GUI's workers alike; ``close`` stops an
    embedded demo org that it started.
    """

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = _utc_now,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
        demo_org_dir: Path | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._retry = retry
        self._demo_org_dir = demo_org_dir
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._pending_login: oauth.LoopbackListener | None = None
        self._cancel_requested = threading.Event()
        self._demo = None  # (endpoint, the embedded server we started or None)
        with self._lock:
            record = stored.load(store)
            if record.state is _S.CONNECTING:
                # Only the store's writer connects, and that is us: a connect that was
                # interrupted (the program killed) left this behind.
                stored.save(store, replace(record, state=_S.DISCONNECTED))

    # state

    def add_listener(self, callback: Listener) -> None:
        with self._lock:
            self._listeners.append(callback)

    def remove_listener(self, callback: Listener) -> None:
        with self._lock:
            self._listeners.remove(callback)

    def record(self) -> ConnectionRecord:
        """The current record; a grace window that ran out is made final here."""
        with self._lock:
            record = stored.load(self._store, now=self._clock())
            if record.state is _S.DISCONNECTED and record.reconnect_by is not None:
                log.info("grace window over for org %s: disconnected", record.org_id)
                credentials.delete(record.org_id)  # Salesforce already refused this token
                record = replace(record, reconnect_by=None)
                self._persist(record)
        return record

    @property
    def state(self) -> ConnectionState:
        return self.record().state

    def _persist(self, record: ConnectionRecord) -> None:
        stored.save(self._store, record)
        for callback in list(self._listeners):
            try:
                callback(record)
            except Exception:  # one broken listener must not stop the others or the caller
                log.exception("connection state listener failed")

    def _transition(self, record: ConnectionRecord) -> ConnectionRecord:
        with self._lock:
            current = self.record().state
            if record.state is not current and record.state not in _ALLOWED[current]:
                raise RuntimeError(f"connection state {current} cannot become {record.state}")
            self._persist(record)
        log.info("connection state: %s -> %s", current, record.state)
        return record

    def mark_reconnect_required(self, _error: ReconnectRequired | None = None) -> None:
        """The refresh token was refused: the grace window starts now."""
        with self._lock:
            record = self.record()
            if record.state in (_S.CONNECTED, _S.SYNCING):
                reconnect_by = (self._clock() + GRACE_WINDOW).isoformat(timespec="seconds")
                self._transition(
                    replace(record, state=_S.RECONNECT_REQUIRED, reconnect_by=reconnect_by)
                )

    @contextmanager
    def syncing(self) -> Iterator[None]:
        """Connected -> Syncing for the duration of a sync, then back to Connected."""
        with self._lock:
            record = self.record()
            if record.state is not _S.CONNECTED:
                raise NotConnected(_not_connected_text(record))
            self._transition(replace(record, state=_S.SYNCING))
        try:
            yield
        finally:
            with self._lock:
                record = self.record()
                if record.state is _S.SYNCING:
                    self._transition(replace(record, state=_S.CONNECTED))

    # connect

    def connect(
        self,
        *,
        demo: bool = False,
        login_url: str = PRODUCTION_LOGIN_URL,
        client_id: str | None = None,
        port: int = oauth.DEFAULT_REDIRECT_PORT,
        timeout: float = oauth.DEFAULT_TIMEOUT_S,
        open_browser: bool = True,
        replace_data: bool = False,
        on_authorization_url: Callable[[str], None] | None = None,
        render: Callable[[Text], str] = str,
    ) -> ConnectionRecord:
        """Log in through the browser and keep the connection.

        ``on_authorization_url`` receives the link to show for copying; ``render``
        turns the browser pages' texts into the UI language.
        """
        ca_cert = None
        if demo:
            endpoint = self._demo_endpoint()
            login_url, client_id, ca_cert = endpoint.login_url, endpoint.client_id, endpoint.ca_cert
        login_url = check_login_url(login_url, demo=demo)
        if not client_id:
            raise ConnectionFailed(
                QT_TRANSLATE_NOOP(
                    "Connection",
                    "Give the consumer key of your org's connected app (--client-id); see the "
                    "installation guide for how to create it.",
                )
            )
        _require_keyring()

        previous = self.record()
        self._cancel_requested.clear()
        self._transition(replace(previous, state=_S.CONNECTING))
        try:
            tokens = self._browser_login(
                login_url,
                client_id,
                ca_cert,
                port,
                timeout,
                open_browser,
                on_authorization_url,
                render,
            )
            record = self._keep_connection(
                previous, tokens, login_url, client_id, ca_cert, demo, replace_data
            )
        except BaseException:
            self._transition(previous)
            raise
        return self._transition(record)

    def cancel_connect(self) -> None:
        """Ends a connect that waits for the browser (from any thread)."""
        with self._lock:
            self._cancel_requested.set()
            if self._pending_login is not None:
                self._pending_login.cancel()

    def _browser_login(
        self, login_url, client_id, ca_cert, port, timeout, open_browser, on_url, render
    ) -> oauth.TokenResponse:
        pkce, state = oauth.new_pkce_pair(), oauth.new_state()
        with oauth.LoopbackListener(state, port=port, render=render) as listener:
            with self._lock:
                self._pending_login = listener
                if self._cancel_requested.is_set():
                    listener.cancel()
            try:
                url = oauth.authorization_url(
                    login_url,
                    client_id=client_id,
                    redirect_uri=listener.redirect_uri,
                    code_challenge=pkce.challenge,
                    state=state,
                )
                if on_url:
                    on_url(url)
                if open_browser and not webbrowser.open(url):
                    log.info("no browser could be opened; the link is shown for copying")
                code = listener.wait(timeout)
            finally:
                with self._lock:
                    self._pending_login = None
        return oauth.exchange_code(
            login_url,
            code=code,
            pkce=pkce,
            client_id=client_id,
            redirect_uri=listener.redirect_uri,
            ca_cert=ca_cert,
            retry=self._retry,
        )

    def _keep_connection(
        self, previous, tokens, login_url, client_id, ca_cert, demo, replace_data
    ) -> ConnectionRecord:
        new_credentials = SalesforceCredentials(
            refresh_token=tokens.refresh_token or "",
            instance_url=tokens.instance_url,
            client_id=client_id,
            org_id=tokens.org_id,
        )
        with SalesforceSession(
            new_credentials,
            user_id=tokens.user_id,
            ca_cert=ca_cert,
            access_token=tokens.access_token,
            retry=self._retry,
        ) as session:
            if not tokens.refresh_token:
                session.revoke()
                raise ConnectionFailed(
                    QT_TRANSLATE_NOOP(
                        "Connection",
                        "Salesforce gave no refresh token. Add the scope \u201cPerform requests "
                        "at any time (refresh_token, offline_access)\u201d to the connected app.",
                    )
                )
            userinfo = session.userinfo()
            organization = _organization(session)
            org_name = organization["Name"] if organization else None
            if previous.org_id and previous.org_id != tokens.org_id:
                if not replace_data:
                    session.revoke()  # the new grant is not kept, so it must not linger
                    raise DifferentOrgError(previous, tokens.org_id, org_name)
                log.info("replacing the local data of org %s", previous.org_id)
                self._forget_credentials(previous)
                stored.purge_local_data(self._store)
            elif previous.org_id:
                self._forget_credentials(previous, keep_token=tokens.refresh_token)
            credentials.save(new_credentials)
        log.info(
            "connected to org %s (%s) as user %s",
            tokens.org_id,
            organization["OrganizationType"] if organization else "edition unknown",
            userinfo["user_id"],
        )
        return ConnectionRecord(
            state=_S.CONNECTED,
            org_id=tokens.org_id,
            org_name=org_name,
            username=userinfo["preferred_username"],
            user_id=userinfo["user_id"],
            instance_url=tokens.instance_url,
            login_url=login_url,
            connected_at=self._clock().isoformat(timespec="seconds"),
            is_demo=demo,
        )

    # sessions

    def open_session(self) -> SalesforceSession:
        """A session for the connected org; a refused refresh moves the state to
        Reconnect required."""
        record = self.record()
        if record.state not in (_S.CONNECTED, _S.SYNCING):
            raise NotConnected(_not_connected_text(record))
        kept = credentials.load(record.org_id)
        if kept is None:
            raise NotConnected(
                QT_TRANSLATE_NOOP(
                    "Connection",
                    "The keyring holds no credentials for org {org_id}; connect to Salesforce "
                    "again.",
                ).format(org_id=record.org_id)
            )
        return SalesforceSession(
            kept,
            user_id=record.user_id,
            ca_cert=self._ca_cert_for(record),
            retry=self._retry,
            on_reconnect_required=self.mark_reconnect_required,
            on_credentials_rotated=credentials.save,
        )

    # disconnect

    def disconnect(self, *, purge: bool = False) -> bool:
        """Revoke the token at the org and forget it; local data stays unless ``purge``.
        Returns whether the org confirmed the revocation."""
        with self._lock:
            record = self.record()
            revoked = self._forget_credentials(record)
            if purge:
                stored.purge_local_data(self._store)
                self._transition(ConnectionRecord())
            elif record.state is not _S.DISCONNECTED:
                self._transition(replace(record, state=_S.DISCONNECTED, reconnect_by=None))
        return revoked

    def _forget_credentials(self, record: ConnectionRecord, keep_token: str | None = None) -> bool:
        """Revoke (best effort) and delete the keyring entry of ``record``'s org; a
        reconnect passes its new token so that it is never revoked. Returns whether
        the org confirmed a revocation."""
        kept = credentials.load(record.org_id) if record.org_id else None
        if kept is None:
            return False
        revoked = False
        if kept.refresh_token != keep_token:
            try:
                revoked = oauth.revoke_token(
                    kept.instance_url,
                    kept.refresh_token,
                    ca_cert=self._ca_cert_for(record),
                    retry=self._retry,
                )
            except SalesforceError as error:
                log.warning("revoking the token failed: %s", error)
        credentials.delete(record.org_id)
        return revoked

    # the demo org

    def _demo_endpoint(self, port: int | None = None):
        """The demo org's endpoint, starting an embedded server if none is served."""
        from navsync_desktop.demo_org.runtime import DEFAULT_PORT, ensure_demo_org

        with self._lock:
            if self._demo is None:
                self._demo = ensure_demo_org(
                    self._demo_org_dir or paths.demo_org_dir(), port=port or DEFAULT_PORT
                )
            return self._demo[0]

    def _ca_cert_for(self, record: ConnectionRecord) -> Path | None:
        if not record.is_demo:
            return None
        # The same port as the stored instance URL, so that URL stays valid.
        return self._demo_endpoint(_port_of(record.instance_url or "")).ca_cert

    def close(self) -> None:
        with self._lock:
            if self._demo is not None and self._demo[1] is not None:
                self._demo[1].stop()
            self._demo = None

    def __enter__(self) -> ConnectionManager:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _organization(session: SalesforceSession) -> dict | None:
    """The Organization row, or None where the API is off (the readiness checks say so)."""
    try:
        return session.query_all(ORGANIZATION_SOQL)[0]
    except SalesforceApiError as error:
        if error.error_code == "API_DISABLED_FOR_ORG":
            return None
        raise


def _require_keyring() -> None:
    health = credentials.keyring_health()
    if not health.usable:
        raise CredentialsError(health.finding, health.fix)


def _not_connected_text(record: ConnectionRecord) -> Text:
    if record.state is _S.RECONNECT_REQUIRED:
        return QT_TRANSLATE_NOOP(
            "Connection",
            "Salesforce no longer accepts the connection; reconnect by {date} (local data is "
            "kept).",
        ).format(date=record.reconnect_by)
    return QT_TRANSLATE_NOOP(
        "Connection", "Not connected to Salesforce; connect first (navsync-desktop connect)."
    )
