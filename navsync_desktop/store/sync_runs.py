"""The history of CRM sync runs; the end of the latest successful one is "Last synced"."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store.database import Store

INTERRUPTED = QT_TRANSLATE_NOOP(
    "Sync", "The sync was interrupted: the program ended before it finished. Nothing was lost."
)
_COLUMNS = (
    "id, kind, status, started_at, finished_at, error, paused, objects, http_requests, "
    "api_used_before, api_used_after, api_max"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SyncRun:
    id: int
    full: bool
    status: str  # running, succeeded, failed, cancelled
    started_at: str
    finished_at: str | None = None
    error: Text | None = None
    paused: bool = False  # stopped to keep the API requests reserved for other integrations
    objects: dict[str, dict] = field(default_factory=dict)
    http_requests: int = 0
    api_used_before: int | None = None
    api_used_after: int | None = None
    api_max: int | None = None


def mark_interrupted(store: Store) -> None:
    """Only the store's writer syncs: runs still 'running' when it starts were left by a
    program that was killed."""
    store.connection.execute(
        "UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? "
        "WHERE status = 'running'",
        (_now(), json.dumps(INTERRUPTED.to_json())),
    )


def start(store: Store, kind: str) -> int:
    """A new run (one left running by a killed program is marked failed first)."""
    mark_interrupted(store)
    db = store.connection
    cursor = db.execute(
        "INSERT INTO sync_runs (kind, status, started_at) VALUES (?, 'running', ?)", (kind, _now())
    )
    return cursor.lastrowid


def finish(store: Store, run_id: int, error: Text | str | None = None) -> None:
    store.connection.execute(
        "UPDATE sync_runs SET status = ?, finished_at = ?, error = ? WHERE id = ?",
        ("failed" if error else "succeeded", _now(), _error_json(error), run_id),
    )


def save(store: Store, run: SyncRun) -> None:
    """Keep a run's outcome and figures."""
    store.connection.execute(
        "UPDATE sync_runs SET kind = ?, status = ?, started_at = ?, finished_at = ?, error = ?, "
        "paused = ?, objects = ?, http_requests = ?, api_used_before = ?, api_used_after = ?, "
        "api_max = ? WHERE id = ?",
        (
            "full" if run.full else "incremental",
            run.status,
            run.started_at,
            run.finished_at,
            _error_json(run.error),
            int(run.paused),
            json.dumps(run.objects),
            run.http_requests,
            run.api_used_before,
            run.api_used_after,
            run.api_max,
            run.id,
        ),
    )


def history(store: Store, limit: int | None = None) -> list[SyncRun]:
    """Runs, newest first."""
    rows = store.connection.execute(
        f"SELECT {_COLUMNS} FROM sync_runs ORDER BY started_at DESC, id DESC LIMIT ?",  # noqa: S608 - fixed columns
        (-1 if limit is None else limit,),
    )
    return [_run(row) for row in rows]


def _run(row) -> SyncRun:
    return SyncRun(
        id=row["id"],
        full=row["kind"] == "full",
        status=row["status"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        error=_error_text(row["error"]),
        paused=bool(row["paused"]),
        objects=json.loads(row["objects"]),
        http_requests=row["http_requests"],
        api_used_before=row["api_used_before"],
        api_used_after=row["api_used_after"],
        api_max=row["api_max"],
    )


def _error_json(error: Text | str | None) -> str | None:
    if error is None:
        return None
    return json.dumps(error.to_json() if isinstance(error, Text) else {"text": str(error)})


def _error_text(kept: str | None) -> Text | None:
    """Errors are kept as translatable texts; older rows hold plain text."""
    if kept is None:
        return None
    try:
        value = json.loads(kept)
    except ValueError:
        value = {"text": kept}
    if isinstance(value, dict) and "source" in value:
        return Text.from_json(value)
    text = value.get("text", kept) if isinstance(value, dict) else str(value)
    return Text("Sync", "{text}").format(text=text)  # kept before texts were translatable


def last_synced(store: Store) -> datetime | None:
    row = store.connection.execute(
        "SELECT max(finished_at) AS at FROM sync_runs WHERE status = 'succeeded'"
    ).fetchone()
    return datetime.fromisoformat(row["at"]) if row["at"] else None


def count(store: Store) -> int:
    return store.connection.execute("SELECT count(*) FROM sync_runs").fetchone()[0]
