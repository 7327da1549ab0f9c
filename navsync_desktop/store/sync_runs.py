"""The history of CRM sync runs; the latest successful one is "Last synced"."""

from __future__ import annotations

from datetime import UTC, datetime

from navsync_desktop.store.database import Store


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start(store: Store, kind: str) -> int:
    cursor = store.connection.execute(
        "INSERT INTO sync_runs (kind, status, started_at) VALUES (?, 'running', ?)", (kind, _now())
    )
    return cursor.lastrowid


def finish(store: Store, run_id: int, error: str | None = None) -> None:
    store.connection.execute(
        "UPDATE sync_runs SET status = ?, finished_at = ?, error = ? WHERE id = ?",
        ("failed" if error else "succeeded", _now(), error, run_id),
    )


def last_synced(store: Store) -> datetime | None:
    row = store.connection.execute(
        "SELECT max(finished_at) AS at FROM sync_runs WHERE status = 'succeeded'"
    ).fetchone()
    return datetime.fromisoformat(row["at"]) if row["at"] else None


def count(store: Store) -> int:
    return store.connection.execute("SELECT count(*) FROM sync_runs").fetchone()[0]
