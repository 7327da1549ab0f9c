"""The connection's persisted state machine. No Qt, no network, no keyring.

States: Disconnected -> Connecting -> Connected <-> Syncing; a refused token
refresh makes it Reconnect required, with a grace window of three days after
which it is Disconnected. Every change is persisted in the store and then
reported to the listeners (from whichever thread made it; the GUI bridges them
to Qt signals). The lock is held only while a change is decided and written.

Connecting remembers the state before it (``previous_state``), so a program
that is killed while it waits for the browser comes back as it was: a connected
org stays connected. A sync that was running when the program died is over.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store
from navsync_desktop.store import connection as stored
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState

log = logging.getLogger(__name__)

GRACE_WINDOW = timedelta(days=3)

Listener = Callable[[ConnectionRecord], None]

_S = ConnectionState
# Connecting may end in any state: a failed or cancelled connect restores the previous one.
_ALLOWED = {
    _S.DISCONNECTED: {_S.CONNECTING},
    _S.CONNECTING: set(_S) - {_S.CONNECTING},
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


class ConnectionBusy(ConnectionFailed):
    """A connect or a sync is running, so another connect must wait."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def not_connected_text(record: ConnectionRecord) -> Text:
    if record.state is _S.RECONNECT_REQUIRED:
        return QT_TRANSLATE_NOOP(
            "Connection",
            "Salesforce no longer accepts the connection; reconnect by {date} (local data is "
            "kept).",
        ).format(date=record.reconnect_by)
    return QT_TRANSLATE_NOOP(
        "Connection", "Not connected to Salesforce; connect first (navsync-desktop connect)."
    )


class ConnectionStateMachine:
    """The one writer of the stored connection state (the store's lock holder)."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = utc_now,
        on_grace_expired: Callable[[ConnectionRecord], None] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._on_grace_expired = on_grace_expired
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._restore_after_interruption()

    def _restore_after_interruption(self) -> None:
        """Only the store's writer connects or syncs, and that is us now: a Connecting or
        Syncing found at the start was left by a program that was killed."""
        with self._lock:
            record = stored.load_stored(self._store)
            if record.state is _S.CONNECTING:
                # Records from before previous_state existed: a set grace window means the
                # connect started from Reconnect required.
                fallback = _S.RECONNECT_REQUIRED if record.reconnect_by else _S.DISCONNECTED
                restored = replace(
                    record, state=record.previous_state or fallback, previous_state=None
                )
            elif record.state is _S.SYNCING:
                restored = replace(record, state=_S.CONNECTED)
            else:
                return
            stored.save(self._store, restored)
        log.info("connection state after an interruption: %s -> %s", record.state, restored.state)

    # listeners

    def add_listener(self, callback: Listener) -> None:
        with self._lock:
            self._listeners.append(callback)

    def remove_listener(self, callback: Listener) -> None:
        with self._lock:
            self._listeners.remove(callback)

    def _notify(self, record: ConnectionRecord) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for callback in listeners:
            try:
                callback(record)
            except Exception:  # one broken listener must not stop the others or the caller
                log.exception("connection state listener failed")

    # reading

    def _load(self) -> tuple[ConnectionRecord, ConnectionRecord | None]:
        """The current record (lock held); a grace window that ran out is made final here.
        Returns the record and, when the window just ran out, the record before that."""
        record = stored.load_stored(self._store)
        if not record.grace_expired(self._clock()):
            return record, None
        final = replace(record, state=_S.DISCONNECTED, reconnect_by=None)
        stored.save(self._store, final)
        return final, record

    def _after_load(self, expired: ConnectionRecord | None, current: ConnectionRecord) -> None:
        if expired is None:
            return
        log.info("grace window over for org %s: disconnected", expired.org_id)
        if self._on_grace_expired is not None:
            self._on_grace_expired(expired)
        self._notify(current)

    def current(self) -> ConnectionRecord:
        with self._lock:
            record, expired = self._load()
        self._after_load(expired, record)
        return record

    # changing

    def _change(
        self, decide: Callable[[ConnectionRecord], ConnectionRecord | None]
    ) -> tuple[ConnectionRecord, ConnectionRecord]:
        """Reads the state, lets ``decide`` pick the next record (None: no change), checks and
        persists it, then tells the listeners. Returns (before, after)."""
        with self._lock:
            current, expired = self._load()
            new = decide(current)
            if new is not None:
                if new.state is not current.state and new.state not in _ALLOWED[current.state]:
                    raise RuntimeError(f"connection {current.state} cannot become {new.state}")
                stored.save(self._store, new)
        self._after_load(expired, current)
        if new is None:
            return current, current
        log.info("connection state: %s -> %s", current.state, new.state)
        self._notify(new)
        return current, new

    def transition(self, record: ConnectionRecord) -> ConnectionRecord:
        return self._change(lambda _current: record)[1]

    def begin_connecting(self) -> ConnectionRecord:
        """Connecting, remembering the state before it; returns the record before."""

        def decide(current: ConnectionRecord) -> ConnectionRecord:
            if current.state in (_S.CONNECTING, _S.SYNCING):
                raise ConnectionBusy(
                    QT_TRANSLATE_NOOP(
                        "Connection",
                        "NavSync Desktop is already connecting or syncing; wait until it has "
                        "finished and try again.",
                    )
                )
            return replace(current, state=_S.CONNECTING, previous_state=current.state)

        return self._change(decide)[0]

    def end_connecting(self, previous: ConnectionRecord) -> None:
        """A connect failed or was cancelled: back to the record from before it."""
        self._change(
            lambda current: (
                replace(previous, previous_state=None) if current.state is _S.CONNECTING else None
            )
        )

    def mark_reconnect_required(self) -> None:
        """The refresh token was refused: the grace window starts now."""

        def decide(current: ConnectionRecord) -> ConnectionRecord | None:
            if current.state not in (_S.CONNECTED, _S.SYNCING):
                return None
            reconnect_by = (self._clock() + GRACE_WINDOW).isoformat(timespec="seconds")
            return replace(current, state=_S.RECONNECT_REQUIRED, reconnect_by=reconnect_by)

        self._change(decide)

    @contextmanager
    def syncing(self) -> Iterator[None]:
        """Connected -> Syncing for the duration of a sync, then back to Connected."""

        def start(current: ConnectionRecord) -> ConnectionRecord:
            if current.state is not _S.CONNECTED:
                raise NotConnected(not_connected_text(current))
            return replace(current, state=_S.SYNCING)

        self._change(start)
        try:
            yield
        finally:
            self._change(
                lambda current: (
                    replace(current, state=_S.CONNECTED) if current.state is _S.SYNCING else None
                )
            )
