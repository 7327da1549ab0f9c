"""The Salesforce connection's metadata and state (never its tokens)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from enum import StrEnum

from navsync_desktop.store.database import Store


class ConnectionState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    SYNCING = "syncing"
    RECONNECT_REQUIRED = "reconnect_required"


@dataclass(frozen=True)
class ConnectionRecord:
    state: ConnectionState = ConnectionState.DISCONNECTED
    org_id: str | None = None
    org_name: str | None = None
    username: str | None = None
    user_id: str | None = None
    instance_url: str | None = None
    login_url: str | None = None
    connected_at: str | None = None
    reconnect_by: str | None = None
    is_demo: bool = False
    previous_state: ConnectionState | None = None  # set while Connecting: what to go back to

    def to_json(self) -> dict:
        return {
            **asdict(self),
            "state": self.state.value,
            "previous_state": self.previous_state.value if self.previous_state else None,
        }

    def grace_expired(self, now: datetime) -> bool:
        """Reconnect required, and the grace window to do it has passed."""
        return (
            self.state is ConnectionState.RECONNECT_REQUIRED
            and self.reconnect_by is not None
            and datetime.fromisoformat(self.reconnect_by) <= now
        )


_COLUMNS = [f.name for f in fields(ConnectionRecord)]


def load_stored(store: Store) -> ConnectionRecord:
    """The record exactly as stored (the state machine's view)."""
    row = store.connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM connection").fetchone()  # noqa: S608 - fixed column names
    if row is None:
        return ConnectionRecord()
    values = dict(row)
    previous = values["previous_state"]
    return ConnectionRecord(
        **{
            **values,
            "state": ConnectionState(values["state"]),
            "is_demo": bool(values["is_demo"]),
            "previous_state": ConnectionState(previous) if previous else None,
        }
    )


def load(store: Store, *, now: datetime | None = None) -> ConnectionRecord:
    """The record as a reader should see it: past its grace window a "reconnect required"
    reads as disconnected (the state machine makes that final when it runs)."""
    record = load_stored(store)
    if record.grace_expired(now or datetime.now(UTC)):
        return replace(record, state=ConnectionState.DISCONNECTED)
    return record


def save(store: Store, record: ConnectionRecord) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in _COLUMNS)
    store.connection.execute(f"UPDATE connection SET {assignments} WHERE id = 1", record.to_json())  # noqa: S608 - fixed column names


def purge_local_data(store: Store) -> None:
    """Delete everything kept about the org: every table's rows except the connection
    record, whose state the caller moves on."""
    with store.transaction() as db:
        db.execute("PRAGMA defer_foreign_keys = ON")  # rows go in table order, checked at commit
        tables = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'connection'"
        ).fetchall()
        for (table,) in tables:
            db.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master
