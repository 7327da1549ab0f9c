"""The write-back: the outbox goes to Salesforce exactly once.

Each round takes up to 200 queued activities of one operation (Tasks, notes, or the links of
notes created already), marks them "sending" with a new batch (committed), sends them in one
sObject Collections request (``allOrNone=false``) and records every item's result in one
transaction. Writes are never retried blindly: when an answer is lost (timeout, reset, 5xx,
or the program was killed) the items stay "sending", and before anything is sent again they
are reconciled: the records the connected user created since the batch started are read
back, matched by the reference each record carries, and only what is missing goes back to
the queue. Items Salesforce refuses for a passing reason (a locked row) return to the queue
with backoff; refused for good, they fail with Salesforce's message and the fix.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from simple_salesforce import format_soql

from navsync_desktop.engine import activities, writeback_settings
from navsync_desktop.engine.activity_records import OrgShapes, refs_in
from navsync_desktop.engine.readiness import view_and_modify_all_data
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.salesforce.errors import (
    DailyLimitExceeded,
    SalesforceApiError,
    SalesforceError,
    WriteOutcomeUnknown,
)
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store
from navsync_desktop.store import activities as stored

log = logging.getLogger(__name__)

# How far before a batch's own clock reading reconciling looks (clocks differ a little).
CLOCK_MARGIN = timedelta(minutes=10)
TRANSIENT_ITEM_ERRORS = frozenset({"UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE"})
_IN_CHUNK = 200  # Ids per IN (...) of a reconciling query


@dataclass(frozen=True)
class _Operation:
    name: str
    sobject: str
    where: str  # which queued activities it takes


TASKS = _Operation("task", "Task", "kind IN ('inmail', 'message', 'call')")
NOTES = _Operation("note", "ContentNote", "kind = 'note' AND record_id IS NULL")
LINKS = _Operation("link", "ContentDocumentLink", "kind = 'note' AND record_id IS NOT NULL")
OPERATIONS = (TASKS, NOTES, LINKS)


class WritebackUnavailable(SalesforceError):
    """Write-back cannot run (off, or the user lacks Modify All Data)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text)


@dataclass(frozen=True)
class WritebackProgress:
    sent: int
    failed: int
    queued: int  # still to send
    waiting: Text | None = None  # why it waits (a retry, a backoff)

    def describe(self) -> Text:
        if self.waiting is not None:
            return self.waiting
        return QT_TRANSLATE_NOOP(
            "Writeback", "Writing back: {sent} sent, {failed} failed, {queued} to go"
        ).format(sent=Number(self.sent), failed=Number(self.failed), queued=Number(self.queued))


@dataclass
class WritebackResult:
    sent: int = 0  # in this run
    failed: int = 0  # in this run
    unresolved: int = 0  # in the outbox after the run: no CRM record found
    skipped: int = 0  # not written back (sponsored InMails, colleagues)
    queued: int = 0  # still queued after the run (waiting for a retry, or the run stopped)
    reconciled: int = 0  # found in Salesforce after a lost answer
    api_requests: int = 0
    error: Text | None = None
    items: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "unresolved": self.unresolved,
            "skipped": self.skipped,
            "queued": self.queued,
            "reconciled": self.reconciled,
            "api_requests": self.api_requests,
            "error": str(self.error) if self.error else None,
            "items": self.items,
        }


def check_permission(store: Store, session: SalesforceSession) -> bool:
    """Ask the org whether the connected user has Modify All Data, and keep the answer."""
    _view, modify = view_and_modify_all_data(session)
    writeback_settings.remember_permission(store, modify)
    return modify


@contextmanager
def writable_session(store: Store, connection) -> Iterator[SalesforceSession]:
    """A session of the connected org, once write-back is on and the connected user has
    Modify All Data (asked of the org, and remembered)."""
    refusal = writeback_settings.refusal(store)
    if refusal is not None and refusal is not writeback_settings.NO_MODIFY_ALL_DATA:
        raise WritebackUnavailable(refusal)
    with connection.open_session() as session:
        if not check_permission(store, session):
            raise WritebackUnavailable(writeback_settings.NO_MODIFY_ALL_DATA)
        yield session


def run_writeback(
    store: Store,
    connection,
    *,
    progress: Callable[[WritebackProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> WritebackResult:
    """Send everything queued (``connection``: the ConnectionManager)."""
    with writable_session(store, connection) as session:
        sender = _Sender(store, session, progress, cancel or threading.Event())
        return sender.run()


class _Sender:
    def __init__(self, store, session: SalesforceSession, progress, cancel) -> None:
        self._store = store
        self._session = session
        self._progress = progress
        self._cancel = cancel
        self._policy = session.retry_policy
        self._result = WritebackResult()
        self._shapes: OrgShapes | None = None
        self._owners: dict[int, str | None] = {}
        self._lost_in_a_row = 0

    def run(self) -> WritebackResult:
        first_request = self._session.http_requests
        try:
            self._reconcile_all()
            self._rematch_unresolved()
            self._shapes = OrgShapes.read(self._session)
            self._owners = self._seat_users()
            while not self._cancel.is_set():
                if not self._send_next() and not self._wait_for_backoff():
                    break
        except SalesforceError as error:
            log.warning("write-back stopped: %s", error)
            self._result.error = error.text
        finally:
            self._result.api_requests = self._session.http_requests - first_request
            counts = stored.counts_by_state(self._store)
            self._result.unresolved = counts["unresolved"]
            self._result.skipped = counts["skipped"]
            self._result.queued = counts["queued"] + counts["sending"]
        return self._result

    # choosing what to send

    def _send_next(self) -> bool:
        """Send one batch of whatever is due; False when nothing is due."""
        size = writeback_settings.batch_size(self._store)
        now = stored.now_text()
        for operation in OPERATIONS:
            rows = self._store.connection.execute(
                f"SELECT * FROM activities WHERE state = 'queued' AND {operation.where} "  # noqa: S608 - fixed clauses
                "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
                (now, size),
            ).fetchall()
            if rows:
                self._send(operation, rows)
                return True
        return False

    def _wait_for_backoff(self) -> bool:
        """Wait for the earliest item whose retry is due; False when none waits."""
        due = self._store.connection.execute(
            "SELECT min(next_attempt_at) FROM activities WHERE state = 'queued'"
        ).fetchone()[0]
        if due is None:
            return False
        wait_s = (datetime.fromisoformat(due) - datetime.now(UTC)).total_seconds()
        self._report(QT_TRANSLATE_NOOP("Writeback", "Waiting to retry items Salesforce refused"))
        self._cancel.wait(max(wait_s, 0.0))
        return True

    def _seat_users(self) -> dict[int, str | None]:
        """Each seat holder's Salesforce User (by email, an active one first)."""
        rows = self._store.connection.execute(
            "SELECT seat.id, (SELECT candidate.id FROM crm_user AS candidate "
            "WHERE candidate.email = seat.email ORDER BY candidate.is_active DESC, candidate.id "
            "LIMIT 1) FROM seats AS seat"
        )
        return {row[0]: row[1] for row in rows}

    # sending

    def _payload(self, operation: _Operation, row) -> dict:
        shapes = self._shapes
        owner = self._owners.get(row["seat_id"])
        if operation is TASKS:
            return shapes.task(row, owner)
        if operation is NOTES:
            return shapes.note(row, owner)
        return shapes.link(row)

    def _send(self, operation: _Operation, rows: list) -> None:
        rows = self._without_owner(operation, rows)
        if not rows:
            return
        payloads = [self._payload(operation, row) for row in rows]
        started = (datetime.now(UTC) - CLOCK_MARGIN).isoformat(timespec="seconds")
        with self._store.transaction() as db:
            batch_id = stored.new_batch(db, operation.sobject, started)
            stored.mark_sending(db, [row["id"] for row in rows], batch_id)
        try:
            results = self._session.write(
                lambda sf: sf.restful(
                    "composite/sobjects",
                    method="POST",
                    json={"allOrNone": False, "records": payloads},
                )
            )
        except WriteOutcomeUnknown as error:
            self._lost_answer(batch_id, error)
            return
        except DailyLimitExceeded:
            self._requeue_batch(batch_id)  # refused before it ran; it waits for tomorrow
            raise
        except SalesforceApiError as error:  # refused whole, before it ran
            self._refused_whole(rows, error)
            return
        except SalesforceError:
            self._requeue_batch(batch_id)  # e.g. the session could not be renewed: not sent
            raise
        self._lost_in_a_row = 0
        self._record(operation, rows, results)

    def _without_owner(self, operation: _Operation, rows: list) -> list:
        """A seat holder without a Salesforce User cannot own the record: said, not sent."""
        if operation is LINKS:
            return rows
        orphans = [row for row in rows if not self._owners.get(row["seat_id"])]
        if orphans:
            text = QT_TRANSLATE_NOOP(
                "Writeback",
                "The seat holder has no Salesforce User with the same email, so the activity "
                "has no owner. Add the User (or correct the seat holder's email), sync, then "
                "Copy to CRM again.",
            )
            with self._store.transaction() as db:
                for row in orphans:
                    stored.mark_failed(db, row["id"], "NO_OWNER", text)
            self._note_items(orphans, "failed", None, text)
            self._result.failed += len(orphans)
        return [row for row in rows if self._owners.get(row["seat_id"])]

    def _record(self, operation: _Operation, rows: list, results: list[dict]) -> None:
        """Every item's result, in one transaction."""
        outcomes = []  # (row, state, record id, text)
        with self._store.transaction() as db:
            for row, result in zip(rows, results, strict=True):
                if result.get("success"):
                    if operation is LINKS:
                        stored.mark_linked(db, row["id"], result["id"])
                    else:
                        stored.mark_created(db, row["id"], result["id"], done=operation is TASKS)
                    if operation is not NOTES:  # a note is sent once it is linked
                        outcomes.append((row, "sent", result["id"], None))
                    continue
                error = (result.get("errors") or [{}])[0]
                code = error.get("statusCode", "UNKNOWN")
                message = error.get("message", "")
                attempts = row["attempts"] + 1
                if code in TRANSIENT_ITEM_ERRORS and attempts < self._policy.attempts:
                    stored.requeue(
                        db,
                        row["id"],
                        next_attempt_at=self._backoff(attempts),
                        attempts=attempts,
                        error_code=code,
                        message=refused_text(code, message),
                    )
                    continue
                text = refused_text(code, message, final=True)
                stored.mark_failed(db, row["id"], code, text)
                outcomes.append((row, "failed", None, text))
        for row, state, record_id, text in outcomes:
            if state == "sent":
                self._result.sent += 1
            else:
                self._result.failed += 1
            self._note_items([row], state, record_id if operation is TASKS else None, text)
        self._report()

    def _note_items(self, rows, state: str, record_id: str | None, text: Text | None = None):
        for row in rows:
            self._result.items.append(
                {
                    "id": row["id"],
                    "ref": row["ref"],
                    "kind": row["kind"],
                    "state": state,
                    "record_id": record_id or row["record_id"],
                    "message": str(text) if text else None,
                }
            )

    def _backoff(self, attempt: int) -> str:
        wait_s = min(self._policy.initial_wait_s * 2 ** (attempt - 1), self._policy.max_wait_s)
        return (datetime.now(UTC) + timedelta(seconds=wait_s)).isoformat(timespec="milliseconds")

    def _refused_whole(self, rows: list, error: SalesforceApiError) -> None:
        text = refused_text(error.error_code or "UNKNOWN", error.message or str(error))
        with self._store.transaction() as db:
            for row in rows:
                stored.mark_failed(db, row["id"], error.error_code, text)
        self._result.failed += len(rows)
        self._note_items(rows, "failed", None, text)

    def _lost_answer(self, batch_id: int, error: WriteOutcomeUnknown) -> None:
        """The request may or may not have been carried out: wait a little, then find out."""
        self._lost_in_a_row += 1
        if self._lost_in_a_row >= self._policy.attempts:
            raise SalesforceError(
                QT_TRANSLATE_NOOP(
                    "Writeback",
                    "Salesforce kept failing ({reason}); the write-back stopped. What was not "
                    "written stays queued and goes out with the next write-back.",
                ).format(reason=error.text)
            )
        wait_s = min(
            self._policy.initial_wait_s * 2 ** (self._lost_in_a_row - 1), self._policy.max_wait_s
        )
        self._report(
            QT_TRANSLATE_NOOP(
                "Writeback",
                "Salesforce's answer was lost; checking what arrived before sending again",
            )
        )
        self._cancel.wait(wait_s)
        self._reconcile(batch_id)

    def _requeue_batch(self, batch_id: int) -> None:
        with self._store.transaction() as db:
            for row in db.execute("SELECT id FROM activities WHERE batch_id = ?", (batch_id,)):
                stored.requeue(db, row[0])

    def _report(self, waiting: Text | None = None) -> None:
        if self._progress is None:
            return
        queued = self._store.connection.execute(
            "SELECT count(*) FROM activities WHERE state IN ('queued', 'sending')"
        ).fetchone()[0]
        self._progress(WritebackProgress(self._result.sent, self._result.failed, queued, waiting))

    # reconciling

    def _rematch_unresolved(self) -> None:
        """Mappings made since, or records synced since, may resolve what was unresolved."""
        ids = [
            row[0]
            for row in self._store.connection.execute(
                "SELECT id FROM activities WHERE state = 'unresolved'"
            )
        ]
        activities.queue(self._store, ids)

    def _reconcile_all(self) -> None:
        batches = [
            row[0]
            for row in self._store.connection.execute(
                "SELECT DISTINCT batch_id FROM activities WHERE state = 'sending' ORDER BY 1"
            )
        ]
        for batch_id in batches:
            self._reconcile(batch_id)

    def _reconcile(self, batch_id: int | None) -> None:
        """Mark what Salesforce has of the batch as sent, and queue the rest again."""
        db = self._store.connection
        rows = db.execute(
            "SELECT * FROM activities WHERE state = 'sending' AND batch_id IS ?", (batch_id,)
        ).fetchall()
        if not rows:
            return
        batch = db.execute(
            "SELECT sobject, started_at FROM writeback_batches WHERE id = ?", (batch_id,)
        ).fetchone()
        since = datetime.fromisoformat(batch["started_at"]) if batch else None
        sobject = batch["sobject"] if batch else None
        if sobject == "ContentDocumentLink":
            found = self._links_found(rows)
        elif sobject == "ContentNote":
            found = self._notes_found(since)
        else:
            found = self._tasks_found(rows, since)
        reconciled = 0
        with self._store.transaction() as tx:
            for row in rows:
                record_id = found.get(row["ref"]) if sobject != "ContentDocumentLink" else None
                if sobject == "ContentDocumentLink":
                    record_id = found.get((row["record_id"], row["match_id"]))
                if record_id is None:
                    stored.requeue(tx, row["id"])
                elif sobject == "ContentDocumentLink":
                    stored.mark_linked(tx, row["id"], record_id)
                else:
                    stored.mark_created(tx, row["id"], record_id, done=sobject == "Task")
                if record_id is not None:
                    reconciled += 1
                    if sobject != "ContentNote":
                        self._result.sent += 1
                        self._note_items([row], "sent", record_id if sobject == "Task" else None)
        self._result.reconciled += reconciled
        log.info(
            "reconciled batch %s: %d of %d found in Salesforce", batch_id, reconciled, len(rows)
        )

    def _tasks_found(self, rows: list, since: datetime | None) -> dict[str, str]:
        whos = sorted({row["match_id"] for row in rows if row["match_sobject"] != "Account"})
        whats = sorted({row["match_id"] for row in rows if row["match_sobject"] == "Account"})
        found: dict[str, str] = {}
        for field_name, ids in (("WhoId", whos), ("WhatId", whats)):
            for start in range(0, len(ids), _IN_CHUNK):
                soql = format_soql(
                    "SELECT Id, Description FROM Task WHERE CreatedById = {} "
                    "AND CreatedDate >= {} AND {:literal} IN {}",
                    self._session.user_id,
                    since or datetime(2000, 1, 1, tzinfo=UTC),
                    field_name,
                    ids[start : start + _IN_CHUNK],
                )
                for record in self._session.query_all_iter(soql):
                    for ref in refs_in(record["Description"]):
                        found.setdefault(ref, record["Id"])
        return found

    def _notes_found(self, since: datetime | None) -> dict[str, str]:
        soql = format_soql(
            "SELECT Id, Title FROM ContentNote WHERE CreatedById = {} AND CreatedDate >= {}",
            self._session.user_id,
            since or datetime(2000, 1, 1, tzinfo=UTC),
        )
        found: dict[str, str] = {}
        for record in self._session.query_all_iter(soql):
            for ref in refs_in(record["Title"]):
                found.setdefault(ref, record["Id"])
        return found

    def _links_found(self, rows: list) -> dict[tuple[str, str], str]:
        documents = sorted({row["record_id"] for row in rows})
        found: dict[tuple[str, str], str] = {}
        for start in range(0, len(documents), _IN_CHUNK):
            soql = format_soql(
                "SELECT Id, ContentDocumentId, LinkedEntityId FROM ContentDocumentLink "
                "WHERE ContentDocumentId IN {}",
                documents[start : start + _IN_CHUNK],
            )
            for record in self._session.query_all_iter(soql):
                key = (record["ContentDocumentId"], record["LinkedEntityId"])
                found.setdefault(key, record["Id"])
        return found


def refused_text(code: str, message: str, *, final: bool = False) -> Text:
    """Salesforce's refusal of one record, with what to do about it (``final``: no retry
    follows)."""
    if code == "FIELD_CUSTOM_VALIDATION_EXCEPTION":
        text = QT_TRANSLATE_NOOP(
            "Writeback",
            "A validation rule of the org refused it: {message} Change the rule (or the CRM "
            "record) in Salesforce, then Copy to CRM again.",
        )
    elif code == "REQUIRED_FIELD_MISSING":
        text = QT_TRANSLATE_NOOP(
            "Writeback",
            "Salesforce requires fields that NavSync Desktop does not fill: {message} Give the "
            "fields a default value in Salesforce Setup, then Copy to CRM again.",
        )
    elif code in ("INVALID_CROSS_REFERENCE_KEY", "ENTITY_IS_DELETED"):
        text = QT_TRANSLATE_NOOP(
            "Writeback",
            "The CRM record it belongs to is gone ({message}). Sync the CRM data, then Copy to "
            "CRM again.",
        )
    elif code in TRANSIENT_ITEM_ERRORS and not final:
        text = QT_TRANSLATE_NOOP(
            "Writeback",
            "Salesforce was busy with the record ({message}); the write-back tries again.",
        )
    else:
        text = QT_TRANSLATE_NOOP("Writeback", "Salesforce refused it ({code}: {message}).")
    return text.format(code=code, message=message)
