"""What `status` and the status header show: connection state, last synced, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from navsync_desktop.engine.connection_state import ConnectionStateMachine
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, StoreLockedError, connection, crm_records, sync_runs
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState
from navsync_desktop.store.migrations import LATEST_VERSION

STATE_LABELS = {
    ConnectionState.DISCONNECTED: QT_TRANSLATE_NOOP("Status", "Disconnected"),
    ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("Status", "Connecting…"),
    ConnectionState.CONNECTED: QT_TRANSLATE_NOOP("Status", "Connected to Salesforce"),
    ConnectionState.SYNCING: QT_TRANSLATE_NOOP("Status", "Syncing…"),
    ConnectionState.RECONNECT_REQUIRED: QT_TRANSLATE_NOOP("Status", "Reconnect required"),
}


@dataclass(frozen=True)
class StatusReport:
    connection: ConnectionRecord
    last_synced: datetime | None
    counts: dict[str, int]  # records kept per synced sObject
    # what keeps the connection from working right now (Salesforce unreachable), if anything
    problem: Text | None = None

    def state_label(self) -> Text:
        reconnect_by = self.connection.reconnect_by
        if self.connection.state is ConnectionState.RECONNECT_REQUIRED and reconnect_by:
            return QT_TRANSLATE_NOOP("Status", "Reconnect required — reconnect by {date}").format(
                date=datetime.fromisoformat(reconnect_by)
            )
        return STATE_LABELS[self.connection.state]

    def last_synced_label(self) -> Text:
        if self.last_synced is None:
            return QT_TRANSLATE_NOOP("Status", "Last synced —")
        return QT_TRANSLATE_NOOP("Status", "Last synced {when}").format(when=self.last_synced)

    def headline(self) -> str:
        return f"{self.state_label()} · {self.last_synced_label()}"

    def to_json(self) -> dict:
        return {
            "state": self.connection.state.value,
            "state_label": str(self.state_label()),
            "last_synced": self.last_synced.isoformat() if self.last_synced else None,
            "connection": self.connection.to_json(),
            "counts": self.counts,
        }


def status_of(store: Store) -> StatusReport:
    return StatusReport(
        connection=connection.load(store),
        last_synced=sync_runs.last_synced(store),
        counts=crm_records.counts(store),
    )


def read_status(path: Path) -> StatusReport:
    """The status without taking the store's write lock, so it works while the GUI runs.

    Two cases need the writer once, when no other copy of the program runs: an older file
    is brought forward, and a connect or a sync that a killed program left behind is
    undone."""
    store = Store.open_readonly(path)
    if store is None:
        return StatusReport(ConnectionRecord(), None, dict.fromkeys(crm_records.TABLES, 0))
    with store:
        outdated = store.version < LATEST_VERSION
        left_behind = (ConnectionState.CONNECTING, ConnectionState.SYNCING)
        if not outdated and connection.load(store).state not in left_behind:
            return status_of(store)
    try:
        with Store.open(path) as writer:
            ConnectionStateMachine(writer)  # restores the state from before an interrupted connect
            sync_runs.mark_interrupted(writer)
            return status_of(writer)
    except StoreLockedError:
        if outdated:
            raise
    with Store.open_readonly(path) as store:  # a running program is connecting right now
        return status_of(store)


def read_history(path: Path) -> list[sync_runs.SyncRun]:
    """The sync runs, newest first, without taking the store's write lock. A run shown as
    running while no copy of the program runs was interrupted: it is marked so first."""
    store = Store.open_readonly(path)
    if store is None:
        return []
    with store:
        runs = sync_runs.history(store)
        if store.version == LATEST_VERSION and all(run.status != "running" for run in runs):
            return runs
    try:
        with Store.open(path) as writer:
            sync_runs.mark_interrupted(writer)
            return sync_runs.history(writer)
    except StoreLockedError:  # a running program is syncing right now
        return runs
