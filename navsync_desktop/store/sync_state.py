"""Per synced sObject: how far the sync has read (watermark), and what it read (fields)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from navsync_desktop.store.database import Store


@dataclass(frozen=True)
class ObjectState:
    sobject: str
    watermark: str | None  # the newest SystemModstamp read, ISO 8601 UTC
    fingerprint: str  # of the fields and filters read; a change means reading in full
    fields: dict[str, list[str]]  # {field name: [type, label]} as the last describe said
    synced_at: str

    @property
    def watermark_time(self) -> datetime | None:
        return datetime.fromisoformat(self.watermark) if self.watermark else None


def load(store: Store, sobject: str) -> ObjectState | None:
    row = store.connection.execute(
        "SELECT sobject, watermark, fingerprint, fields, synced_at FROM sync_state "
        "WHERE sobject = ?",
        (sobject,),
    ).fetchone()
    if row is None:
        return None
    return ObjectState(
        row["sobject"], row["watermark"], row["fingerprint"], json.loads(row["fields"]), row[4]
    )


def save(db: sqlite3.Connection, state: ObjectState) -> None:
    """Inside the transaction that swaps the object's rows in."""
    db.execute(
        "INSERT OR REPLACE INTO sync_state (sobject, watermark, fingerprint, fields, synced_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            state.sobject,
            state.watermark,
            state.fingerprint,
            json.dumps(state.fields, sort_keys=True),
            state.synced_at,
        ),
    )


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
