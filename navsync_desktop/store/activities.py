"""Activities and their write-back outbox: one row per activity and counterpart.

States: ``new`` (kept, not copied yet), ``queued`` (to be written, matched), ``unresolved``
(to be written, no CRM record found), ``sending`` (in a batch whose answer is not recorded
yet), ``sent``, ``failed`` (Salesforce refused it for good), ``skipped`` (not sales activity).
Every change of state is one short transaction; the sender's "sending" mark is committed
before its request goes out, so a crash leaves a trace to reconcile.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from navsync_desktop.i18n import Text
from navsync_desktop.store.database import Store

STATES = ("new", "queued", "unresolved", "sending", "sent", "failed", "skipped")
KINDS = ("inmail", "message", "note", "call")
# Columns an import or a logged note or call fills in.
ACTIVITY_COLUMNS = (
    "key",
    "ref",
    "seat_id",
    "kind",
    "source",
    "direction",
    "occurred_at",
    "subject",
    "content",
    "conversation_id",
    "conversation_title",
    "person_key",
    "person_url",
    "person_name",
    "person_company",
    "person_email",
    "call_duration_s",
    "call_outcome",
    "state",
    "reason",
)


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class MatchColumns:
    """Where an activity goes in the CRM, or why it cannot go (``reason``)."""

    state: str
    reason: str | None = None
    sobject: str | None = None
    record_id: str | None = None
    account_id: str | None = None
    rule: str | None = None


def message_json(text: Text | None) -> str | None:
    return None if text is None else json.dumps(text.to_json(), ensure_ascii=False)


def message_text(kept: str | None) -> Text | None:
    return None if not kept else Text.from_json(json.loads(kept))


def insert_sql(table: str = "activities", *, ignore: bool = True) -> str:
    columns = ", ".join(ACTIVITY_COLUMNS)
    marks = ", ".join(f":{name}" for name in ACTIVITY_COLUMNS)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return f"{verb} INTO {table} ({columns}, created_at, updated_at) VALUES ({marks}, :now, :now)"


def set_match(db: sqlite3.Connection, activity_ids: Iterable[int], match: MatchColumns) -> None:
    """One statement for all the activities that share this match."""
    db.execute(
        "UPDATE activities SET state = ?, reason = ?, match_sobject = ?, match_id = ?, "
        "match_account_id = ?, match_rule = ?, attempts = 0, next_attempt_at = NULL, "
        "error_code = NULL, message = NULL, updated_at = ? "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (
            match.state,
            match.reason,
            match.sobject,
            match.record_id,
            match.account_id,
            match.rule,
            now_text(),
            json.dumps(list(activity_ids)),
        ),
    )


def rows(store: Store, where: str = "1 = 1", params: Sequence = ()) -> list[sqlite3.Row]:
    """Activities with their seat's email, oldest first."""
    return store.connection.execute(
        "SELECT activity.*, seat.email AS seat_email, seat.name AS seat_name "  # noqa: S608 - fixed clauses
        "FROM activities AS activity JOIN seats AS seat ON seat.id = activity.seat_id "
        f"WHERE {where} ORDER BY activity.occurred_at, activity.id",
        params,
    ).fetchall()


def counts_by_state(store: Store) -> dict[str, int]:
    found = dict(
        store.connection.execute("SELECT state, count(*) FROM activities GROUP BY state").fetchall()
    )
    return {state: found.get(state, 0) for state in STATES}


def new_batch(db: sqlite3.Connection, sobject: str, started_at: str) -> int:
    return db.execute(
        "INSERT INTO writeback_batches (sobject, started_at) VALUES (?, ?)", (sobject, started_at)
    ).lastrowid


def mark_sending(db: sqlite3.Connection, activity_ids: Sequence[int], batch_id: int) -> None:
    now = now_text()
    db.executemany(
        "UPDATE activities SET state = 'sending', batch_id = ?, updated_at = ? WHERE id = ?",
        [(batch_id, now, activity_id) for activity_id in activity_ids],
    )


def mark_created(db: sqlite3.Connection, activity_id: int, record_id: str, *, done: bool) -> None:
    """The activity's record exists: sent (``done``), or a note waiting for its link."""
    now = now_text()
    db.execute(
        "UPDATE activities SET state = ?, record_id = ?, batch_id = NULL, attempts = 0, "
        "next_attempt_at = NULL, error_code = NULL, message = NULL, updated_at = ?, "
        "sent_at = CASE WHEN ? THEN ? ELSE sent_at END WHERE id = ?",
        ("sent" if done else "queued", record_id, now, done, now, activity_id),
    )


def mark_linked(db: sqlite3.Connection, activity_id: int, link_id: str) -> None:
    now = now_text()
    db.execute(
        "UPDATE activities SET state = 'sent', link_id = ?, batch_id = NULL, attempts = 0, "
        "next_attempt_at = NULL, error_code = NULL, message = NULL, updated_at = ?, "
        "sent_at = ? WHERE id = ?",
        (link_id, now, now, activity_id),
    )


def requeue(
    db: sqlite3.Connection,
    activity_id: int,
    *,
    next_attempt_at: str | None = None,
    attempts: int | None = None,
    error_code: str | None = None,
    message: Text | None = None,
) -> None:
    db.execute(
        "UPDATE activities SET state = 'queued', batch_id = NULL, "
        "attempts = coalesce(?, attempts), next_attempt_at = ?, error_code = ?, message = ?, "
        "updated_at = ? WHERE id = ?",
        (attempts, next_attempt_at, error_code, message_json(message), now_text(), activity_id),
    )


def mark_failed(
    db: sqlite3.Connection, activity_id: int, error_code: str | None, message: Text
) -> None:
    db.execute(
        "UPDATE activities SET state = 'failed', batch_id = NULL, error_code = ?, message = ?, "
        "updated_at = ? WHERE id = ?",
        (error_code, message_json(message), now_text(), activity_id),
    )
