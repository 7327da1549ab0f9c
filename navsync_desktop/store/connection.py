"""The Salesforce connection's metadata and state (never its tokens)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
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

    def to_json(self) -> dict:
        return {**asdict(self), "state": self.state.value}


_COLUMNS = [f.name for f in fields(ConnectionRecord)]


def load(store: Store) -> ConnectionRecord:
    row = store.connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM connection").fetchone()  # noqa: S608 - fixed column names
    if row is None:
        return ConnectionRecord()
    values = dict(row)
    return ConnectionRecord(**{**values, "state": ConnectionState(values["state"])})


def save(store: Store, record: ConnectionRecord) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in _COLUMNS)
    store.connection.execute(f"UPDATE connection SET {assignments} WHERE id = 1", record.to_json())  # noqa: S608 - fixed column names
