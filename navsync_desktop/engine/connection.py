"""The connection lifecycle: browser login, credentials, sessions, disconnect. No Qt.

``ConnectionManager`` is the facade the CLI and the GUI use. The state itself
lives in ``connection_state.ConnectionStateMachine``; this module does the slow
work around it (browser, network, keyring) without holding its lock. Tokens go
to the keyring only. A new token is always saved before the old org's data or
credentials are touched, and a grant that is not kept is revoked.

The demo org is handed in by the caller (``demo_org``: a callable that returns
its endpoint, starting it if need be): this module never starts servers itself.
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from navsync_desktop import credentials
from navsync_desktop.credentials import CredentialsError, SalesforceCredentials
from navsync_desktop.engine.connection_errors import DifferentOrgError, KeyringEntryKept
from navsync_desktop.engine.connection_state import (
    GRACE_WINDOW,
    ConnectionBusy,
    ConnectionFailed,
    ConnectionStateMachine,
    Listener,
    NotConnected,
    not_connected,
    utc_now,
)
from navsync_desktop.engine.demo_org_access import (
    DemoOrgAccess,
    DemoOrgEndpoint,
    DemoOrgSource,
)
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    AuthorizationCancelled,
    PortBusy,
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

__all__ = [
    "GRACE_WINDOW",
    "ConnectionBusy",
    "ConnectionFailed",
    "ConnectionManager",
    "DemoOrgEndpoint",
    "DifferentOrgError",
    "KeyringEntryKept",
    "NotConnected",
]

log = logging.getLogger(__name__)

ORGANIZATION_SOQL = "SELECT Id, Name, IsSandbox, OrganizationType FROM Organization"
_S = ConnectionState


@dataclass(frozen=True)
class _Login:
    """One browser login: the browser opens ``browser_url``'s login page, the code is then
    exchanged at ``token_url`` (pinning ``ca_cert`` when given)."""

    token_url: str
    browser_url: str
    client_id: str
    ca_cert: Path | None
    port: int
    timeout: float
    open_browser: bool
    any_port: bool  # the authorization server takes any loopback port (the demo org does)
    ask_for_login: bool  # its login form even when the browser is logged in
    scope: str


class ConnectionManager:
    """The connection of one store, for the CLI and the GUI's workers alike."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = utc_now,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
        demo_org: DemoOrgSource | None = None,
        read_only: bool = False,
    ) -> None:
        """``read_only``: for a command that only looks while the program runs (the program
        owns the stored state)."""
        self._store = store
        self._clock = clock
        self._retry = retry
        self._demo = DemoOrgAccess(demo_org)
        self.demo_org = demo_org  # what the caller handed in (the demo reset stops it)
        self._state = ConnectionStateMachine(
            store,
            clock=clock,
            on_grace_expired=None if read_only else self._forget_expired,
            read_only=read_only,
        )
        self._login_lock = threading.Lock()  # guards only the pending login below
        self._pending_login: oauth.LoopbackListener | None = None
        self._attempt = threading.Event()  # set: the latest connect attempt is cancelled

    # state (kept by the state machine)

    def add_listener(self, callback: Listener) -> None:
        self._state.add_listener(callback)

    def remove_listener(self, callback: Listener) -> None:
        self._state.remove_listener(callback)

    def record(self) -> ConnectionRecord:
        """The current record; a grace window that ran out is made final here."""
        return self._state.current()

    @property
    def state(self) -> ConnectionState:
        return self.record().state

    def mark_reconnect_required(self, _error: ReconnectRequired | None = None) -> None:
        """The refresh token was refused: the grace window starts now."""
        self._state.mark_reconnect_required()

    @contextmanager
    def syncing(self) -> Iterator[None]:
        with self._state.syncing():
            yield

    @staticmethod
    def _forget_expired(record: ConnectionRecord) -> None:
        """Salesforce refused this token three days ago: delete it without a revoke call."""
        try:
            credentials.delete(record.org_id)
        except CredentialsError as error:
            log.warning(
                "the expired token of org %s stays in the keyring: %s", record.org_id, error
            )

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
        as_another_user: bool = False,
        on_authorization_url: Callable[[str], None] | None = None,
        render: Callable[[Text], str] = str,
        attempt: threading.Event | None = None,
    ) -> ConnectionRecord:
        """Log in through the browser and keep the connection.

        ``as_another_user`` asks Salesforce for its login form even when the browser is
        logged in already; ``on_authorization_url`` receives the link to show for copying;
        ``render`` turns the browser pages' texts into the UI language; ``attempt`` (from
        ``new_attempt``, made when the user clicked) lets a Cancel count even when it comes
        before this call starts on its worker thread.
        """
        attempt = attempt or self.new_attempt()
        ca_cert = None
        if demo:
            endpoint = self._demo.endpoint()
            login_url, client_id, ca_cert = endpoint.login_url, endpoint.client_id, endpoint.ca_cert
        login_url = check_login_url(login_url, demo=demo)
        browser_url = endpoint.browser_url if demo else login_url
        if not client_id:  # a reconnect: the app the kept connection was made with
            client_id = self._kept_client_id()
        if not client_id:
            raise ConnectionFailed(
                QT_TRANSLATE_NOOP(
                    "Connection",
                    "Enter the Consumer Key of your org's External Client App as Client ID.",
                ),
                QT_TRANSLATE_NOOP(
                    "Connection",
                    "Give the Consumer Key of your org's External Client App with --client-id "
                    "(docs/connect-a-salesforce-org.md says how to create the app).",
                ),
            )
        _require_keyring()

        previous = self._state.begin_connecting()
        try:
            tokens = self._browser_login(
                _Login(
                    token_url=login_url,
                    browser_url=browser_url,
                    client_id=client_id,
                    ca_cert=ca_cert,
                    port=port,
                    timeout=timeout,
                    open_browser=open_browser,
                    any_port=demo,
                    ask_for_login=as_another_user,
                    scope=oauth.DEMO_SCOPE if demo else oauth.SCOPE,
                ),
                on_authorization_url,
                render,
                attempt,
            )
            record, superseded = self._keep_connection(
                previous, tokens, login_url, client_id, ca_cert, demo, replace_data
            )
        except BaseException:
            self._state.end_connecting(previous)
            raise
        self._state.transition(record)
        if superseded is not None and superseded.refresh_token != tokens.refresh_token:
            self._retire(superseded, ca_cert_of=previous, delete=superseded.org_id != record.org_id)
        return record

    def _kept_client_id(self) -> str | None:
        record = self.record()
        if not record.org_id:
            return None
        try:
            kept = credentials.load(record.org_id)
        except CredentialsError:
            return None
        return kept.client_id if kept else None

    def new_attempt(self) -> threading.Event:
        """A new connect attempt: ``cancel_connect`` from now on ends it, and only it."""
        with self._login_lock:
            self._attempt = threading.Event()
            return self._attempt

    def cancel_connect(self) -> None:
        """Ends the latest connect attempt, whether it waits for the browser or has not
        started yet (from any thread, never blocking)."""
        with self._login_lock:
            self._attempt.set()
            if self._pending_login is not None:
                self._pending_login.cancel()

    def _browser_login(
        self,
        login: _Login,
        on_url: Callable[[str], None] | None,
        render: Callable[[Text], str],
        attempt: threading.Event,
    ) -> oauth.TokenResponse:
        pkce, state = oauth.new_pkce_pair(), oauth.new_state()
        try:
            listener = oauth.LoopbackListener(state, port=login.port, render=render)
        except PortBusy:
            if not login.any_port:
                raise  # a real org's redirect URI is registered: its port cannot change
            log.info("redirect port %d is busy; the demo org takes any loopback port", login.port)
            listener = oauth.LoopbackListener(state, port=0, render=render)
        with listener:
            with self._login_lock:
                self._pending_login = listener
                if attempt.is_set():
                    listener.cancel()
            try:
                url = oauth.authorization_url(
                    login.browser_url,
                    client_id=login.client_id,
                    redirect_uri=listener.redirect_uri,
                    code_challenge=pkce.challenge,
                    state=state,
                    ask_for_login=login.ask_for_login,
                    scope=login.scope,
                )
                if on_url:
                    on_url(url)
                if login.open_browser and not webbrowser.open(url):
                    log.info("no browser could be opened; the link is shown for copying")
                code = listener.wait(login.timeout)
            finally:
                with self._login_lock:
                    self._pending_login = None
        if attempt.is_set():
            raise AuthorizationCancelled(
                QT_TRANSLATE_NOOP("Salesforce", "The connection was cancelled.")
            )
        return oauth.exchange_code(
            login.token_url,
            code=code,
            pkce=pkce,
            client_id=login.client_id,
            redirect_uri=listener.redirect_uri,
            ca_cert=login.ca_cert,
            retry=self._retry,
        )

    def _keep_connection(
        self, previous, tokens, login_url, client_id, ca_cert, demo, replace_data
    ) -> tuple[ConnectionRecord, SalesforceCredentials | None]:
        """Checks the new grant and saves it, then (another org) purges the old org's data.
        Returns the new record and the credentials it supersedes. Whatever fails on the way
        revokes the new grant and leaves the old connection as it was."""
        new_credentials = SalesforceCredentials(
            refresh_token=tokens.refresh_token or "",
            instance_url=tokens.instance_url,
            client_id=client_id,
            org_id=tokens.org_id,
        )
        switching = bool(previous.org_id) and previous.org_id != tokens.org_id
        with SalesforceSession(
            new_credentials,
            user_id=tokens.user_id,
            ca_cert=ca_cert,
            access_token=tokens.access_token,
            retry=self._retry,
        ) as session:
            saved = False
            try:
                if not tokens.refresh_token:
                    raise ConnectionFailed(
                        QT_TRANSLATE_NOOP(
                            "Connection",
                            "Salesforce gave no refresh token. Add the scope \u201cPerform "
                            "requests at any time (refresh_token, offline_access)\u201d to the "
                            "connected app.",
                        )
                    )
                userinfo = session.userinfo()
                organization = _organization(session)
                org_name = organization["Name"] if organization else None
                if switching and not replace_data:
                    raise DifferentOrgError(previous, tokens.org_id, org_name)
                # Read before saving: a reconnect to the same org overwrites this entry.
                superseded = credentials.load(previous.org_id) if previous.org_id else None
                credentials.save(new_credentials)
                saved = True
                if switching:
                    log.info("replacing the local data of org %s", previous.org_id)
                    stored.purge_local_data(self._store)
            except BaseException:
                _revoke_quietly(session)  # the new grant is not kept, so it must not linger
                if saved and switching:
                    _delete_quietly(tokens.org_id)
                raise
        log.info(
            "connected to org %s (%s) as user %s",
            tokens.org_id,
            organization["OrganizationType"] if organization else "edition unknown",
            userinfo["user_id"],
        )
        record = ConnectionRecord(
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
        return record, superseded

    def _retire(
        self, old: SalesforceCredentials, *, ca_cert_of: ConnectionRecord, delete: bool
    ) -> None:
        """After the new connection is kept: revoke the token it replaced (best effort) and,
        for another org, delete that org's keyring entry."""
        self._revoke(old, ca_cert_of)
        if delete:
            _delete_quietly(old.org_id)

    # sessions

    def open_session(self) -> SalesforceSession:
        """A session for the connected org; a refused refresh moves the state to
        Reconnect required."""
        record = self.record()
        if record.state not in (_S.CONNECTED, _S.SYNCING):
            raise not_connected(record)
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
            self._demo.reachable(kept, record),
            user_id=record.user_id,
            ca_cert=self._demo.ca_cert_for(record),
            retry=self._retry,
            on_reconnect_required=self.mark_reconnect_required,
            on_credentials_rotated=credentials.save,
        )

    # the browser

    def record_url(self, sobject: str, record_id: str) -> str:
        """The record's Lightning page, as a lasting address: the org's own, or for the demo
        org its address for browsers (plain HTTP on loopback, no certificate warning)."""
        path = _record_path(sobject, record_id)
        record = self.record()
        if record.is_demo:
            return f"{self._demo.endpoint().browser_url}{path}"
        return f"{(record.instance_url or '').rstrip('/')}{path}"

    def open_record_url(self, sobject: str, record_id: str) -> str:
        """What "View in CRM" opens right now: a demo record through the demo org's front
        door (a single-use link that logs the browser in); a real org's record at its address,
        where the browser logs in as it always does (single sign-on, the user's own session)."""
        if not self.record().is_demo:
            return self.record_url(sobject, record_id)
        try:
            with self.open_session() as session:
                return session.front_door_url(_record_path(sobject, record_id))
        except (SalesforceError, ConnectionFailed) as error:  # e.g. a token without "web"
            log.info("no front-door link for the demo record: %s", error)
            return self.record_url(sobject, record_id)

    # disconnect

    def disconnect(self, *, purge: bool = False) -> bool:
        """Revoke the token at the org and forget it; local data stays unless ``purge``.
        Returns whether the org confirmed the revocation. When the keyring cannot be used,
        the connection is still marked disconnected here, then KeyringEntryKept says so."""
        record = self.record()
        problem: CredentialsError | None = None
        kept = None
        if record.org_id:
            try:
                kept = credentials.load(record.org_id)
            except CredentialsError as error:
                problem = error
        revoked = self._revoke(kept, record) if kept is not None else False
        if kept is not None:
            try:
                credentials.delete(record.org_id)
            except CredentialsError as error:
                problem = error
        if purge:
            stored.purge_local_data(self._store)
            self._state.transition(ConnectionRecord())
        elif record.state is not _S.DISCONNECTED:
            self._state.transition(
                replace(record, state=_S.DISCONNECTED, reconnect_by=None, previous_state=None)
            )
        if problem is not None:
            raise KeyringEntryKept(record.org_id, revoked, problem)
        return revoked

    def _revoke(self, kept: SalesforceCredentials, record: ConnectionRecord) -> bool:
        """Revoke a refresh token (best effort: a network failure is logged, not raised)."""
        try:
            return oauth.revoke_token(
                self._demo.reachable(kept, record).instance_url,
                kept.refresh_token,
                ca_cert=self._demo.ca_cert_for(record),
                retry=self._retry,
            )
        except (SalesforceError, ConnectionFailed) as error:
            log.warning("revoking the token of org %s failed: %s", kept.org_id, error)
            return False

    def close(self) -> None:
        """Ends a pending login. The demo org belongs to whoever handed it in."""
        self.cancel_connect()

    def __enter__(self) -> ConnectionManager:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _record_path(sobject: str, record_id: str) -> str:
    return f"/lightning/r/{sobject}/{record_id}/view"


def _organization(session: SalesforceSession) -> dict | None:
    """The Organization row, or None where the API is off (the readiness checks say so)."""
    try:
        return session.query_all(ORGANIZATION_SOQL)[0]
    except SalesforceApiError as error:
        if error.error_code == "API_DISABLED_FOR_ORG":
            return None
        raise


def _revoke_quietly(session: SalesforceSession) -> None:
    try:
        session.revoke()
    except SalesforceError as error:
        log.warning("revoking a grant that is not kept failed: %s", error)


def _delete_quietly(org_id: str) -> None:
    try:
        credentials.delete(org_id)
    except CredentialsError as error:
        log.warning("the keyring entry of org %s could not be removed: %s", org_id, error)


def _require_keyring() -> None:
    health = credentials.keyring_health()
    if not health.usable:
        raise CredentialsError(health.finding, health.fix)
