"""Activities as the seat holders and the admin see them: listed, logged by hand (notes and
calls), and copied to the CRM ("Copy to CRM" puts them into the outbox, matched).

Every user action is one function here; the CLI, the GUI and the tests call the same ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import lru_cache

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.matching import REASON_LABELS, Match, Matcher, Person, Reason
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.store import Store
from navsync_desktop.store import activities as stored
from navsync_desktop.store import seats as stored_seats
from navsync_desktop.store.activities import MatchColumns
from navsync_desktop.store.match_keys import profile_key

LOGGED = "logged"
CALL_OUTCOMES = ("connected", "left_voicemail", "no_answer", "busy", "wrong_number")


class ActivityError(ValueError):
    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def stable_key(*parts: object) -> str:
    """A hex digest of the parts: the same activity always gets the same key."""
    text = "\x1f".join([part if isinstance(part, str) else str(part or "") for part in parts])
    return hashlib.sha256(text.encode()).hexdigest()


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def reference(key: str) -> str:
    """The 12-character reference an activity's Salesforce record carries: the key's first
    60 bits in base 32 (RFC 4648's alphabet)."""
    bits = int(key[:15], 16)
    return "".join(_BASE32[(bits >> shift) & 31] for shift in range(55, -1, -5))


@lru_cache(maxsize=65536)
def matching_name(name: str | None) -> str | None:
    """A name as written, or repaired when it is mojibake ('MÃ¼ller' -> 'Müller') and the
    repair is unambiguous (the repaired text is clean). The stored name keeps what was
    written."""
    if not name:
        return name
    import ftfy  # only where names are matched: the commands that merely look start faster

    repaired = ftfy.fix_encoding(name)
    if repaired != name and not ftfy.badness.is_bad(repaired):
        return repaired
    return name


@dataclass(frozen=True)
class Activity:
    id: int
    ref: str
    seat_email: str
    kind: str
    source: str
    direction: str | None
    occurred_at: datetime
    subject: str | None
    content: str
    person_url: str | None
    person_name: str | None
    person_company: str | None
    state: str
    reason: str | None
    match_sobject: str | None
    match_id: str | None
    record_id: str | None
    link_id: str | None
    error_code: str | None
    message: Text | None
    call_duration_s: int | None = None
    call_outcome: str | None = None

    @classmethod
    def from_row(cls, row) -> Activity:
        """From a row of ``store.activities.rows`` (the columns carry the fields' names)."""
        values = {field.name: row[field.name] for field in fields(cls)}
        values["occurred_at"] = datetime.fromisoformat(row["occurred_at"])
        values["message"] = stored.message_text(row["message"])
        return cls(**values)

    @property
    def record_sobject(self) -> str | None:
        """What the activity became in Salesforce."""
        if self.record_id is None:
            return None
        return "ContentNote" if self.kind == "note" else "Task"

    @property
    def reason_text(self) -> Text | None:
        return REASON_LABELS.get(Reason(self.reason)) if self.reason in set(Reason) else None

    def to_json(self, instance_url: str | None = None) -> dict:
        return {
            "id": self.id,
            "ref": self.ref,
            "seat": self.seat_email,
            "kind": self.kind,
            "source": self.source,
            "direction": self.direction,
            "date": self.occurred_at.isoformat(),
            "subject": self.subject,
            "person": {
                "name": self.person_name,
                "profile_url": self.person_url,
                "company": self.person_company,
            },
            "state": self.state,
            "reason": self.reason,
            "match": {"sobject": self.match_sobject, "id": self.match_id}
            if self.match_id
            else None,
            "record_id": self.record_id,
            "view_url": view_url(instance_url, self.record_sobject, self.record_id)
            if instance_url and self.record_id
            else None,
            "message": str(self.message) if self.message else None,
        }


def view_url(instance_url: str, sobject: str, record_id: str) -> str:
    """Where "View in CRM" opens the record (Lightning Experience)."""
    return f"{instance_url.rstrip('/')}/lightning/r/{sobject}/{record_id}/view"


def list_activities(
    store: Store, *, seat: str | None = None, state: str | None = None
) -> list[Activity]:
    clauses, params = [], []
    if seat:
        clauses.append("seat.email = ?")
        params.append(seat.strip())
    if state:
        if state not in stored.STATES:
            raise ActivityError(
                QT_TRANSLATE_NOOP("Activities", "Unknown state {state} (one of: {states})").format(
                    state=state, states=", ".join(stored.STATES)
                )
            )
        clauses.append("activity.state = ?")
        params.append(state)
    rows = stored.rows(store, " AND ".join(clauses) or "1 = 1", params)
    return [Activity.from_row(row) for row in rows]


def seat_of(store: Store, email: str) -> stored_seats.Seat:
    seat = stored_seats.find(store, email)
    if seat is None:
        raise ActivityError(
            QT_TRANSLATE_NOOP("Activities", "No seat holder has the email {email}").format(
                email=email
            )
        )
    return seat


# logging notes and calls


@dataclass(frozen=True)
class LoggedPerson:
    """Whom a note or call is about: a LinkedIn profile URL, a name, a company (any of them;
    a note may be about a company only)."""

    profile_url: str | None = None
    name: str | None = None
    company: str | None = None


def log_note(
    store: Store,
    seat_email: str,
    person: LoggedPerson,
    text: str,
    *,
    when: datetime | None = None,
) -> Activity:
    if not text.strip():
        raise ActivityError(QT_TRANSLATE_NOOP("Activities", "The note is empty."))
    return _log(store, seat_email, "note", person, when, content=text)


def log_call(
    store: Store,
    seat_email: str,
    person: LoggedPerson,
    *,
    when: datetime,
    duration_s: int,
    outcome: str,
    notes: str = "",
) -> Activity:
    if duration_s < 0:
        raise ActivityError(
            QT_TRANSLATE_NOOP("Activities", "A call's duration cannot be negative.")
        )
    if outcome not in CALL_OUTCOMES:
        raise ActivityError(
            QT_TRANSLATE_NOOP(
                "Activities", "Unknown call outcome {outcome} (one of: {outcomes})"
            ).format(outcome=outcome, outcomes=", ".join(CALL_OUTCOMES))
        )
    return _log(
        store,
        seat_email,
        "call",
        person,
        when,
        content=notes,
        call_duration_s=duration_s,
        call_outcome=outcome,
    )


def _log(
    store: Store,
    seat_email: str,
    kind: str,
    person: LoggedPerson,
    when: datetime | None,
    **values,
) -> Activity:
    seat = seat_of(store, seat_email)
    url = (person.profile_url or "").strip() or None
    name = " ".join((person.name or "").split()) or None
    company = (person.company or "").strip() or None
    if not (url or name or company):
        raise ActivityError(
            QT_TRANSLATE_NOOP(
                "Activities", "Say whom it is about: a LinkedIn profile URL, a name or a company."
            )
        )
    occurred = (when or datetime.now(UTC)).astimezone(UTC)
    created = stored.now_text()
    key = stable_key(kind, seat.id, created, url, name, company, values.get("content"))
    row = {
        "key": key,
        "ref": reference(key),
        "seat_id": seat.id,
        "kind": kind,
        "source": LOGGED,
        "direction": None,
        "occurred_at": occurred.isoformat(),
        "subject": None,
        "content": values.get("content", ""),
        "conversation_id": None,
        "conversation_title": None,
        "person_key": profile_key(url),
        "person_url": url,
        "person_name": name,
        "person_company": company,
        "person_email": None,
        "call_duration_s": values.get("call_duration_s"),
        "call_outcome": values.get("call_outcome"),
        "state": "new",
        "reason": None,
        "now": created,
    }
    with store.transaction() as db:
        activity_id = db.execute(stored.insert_sql(ignore=False), row).lastrowid
    if writeback_settings.queues_at_once(store, seat.id, kind):
        queue(store, [activity_id])
    return list_activities_by_id(store, [activity_id])[0]


def list_activities_by_id(store: Store, ids: Iterable[int]) -> list[Activity]:
    ids = list(ids)
    marks = ", ".join("?" for _ in ids)
    return [Activity.from_row(r) for r in stored.rows(store, f"activity.id IN ({marks})", ids)]


# Copy to CRM


@dataclass(frozen=True)
class CopyResult:
    queued: int  # matched, in the outbox
    unresolved: int  # in the outbox, but no CRM record was found
    skipped: int  # colleagues
    refused: list[tuple[int, Text]]  # activities that cannot be copied, and why
    already: int  # sent, sending or queued already

    def to_json(self) -> dict:
        return {
            "queued": self.queued,
            "unresolved": self.unresolved,
            "skipped": self.skipped,
            "already": self.already,
            "refused": [{"id": i, "reason": str(text)} for i, text in self.refused],
        }

    def summary(self) -> Text:
        return QT_TRANSLATE_NOOP(
            "Activities",
            "{queued} queued for the CRM, {unresolved} unresolved, {refused} not copied.",
        ).format(
            queued=Number(self.queued),
            unresolved=Number(self.unresolved),
            refused=Number(len(self.refused) + self.skipped),
        )


_COPYABLE = ("new", "failed", "unresolved")


def copy_to_crm(store: Store, activity_ids: Iterable[int]) -> CopyResult:
    """Copy to CRM for the chosen activities: each one is matched and queued, or said why
    not (write-back or its kind off)."""
    ids = list(dict.fromkeys(activity_ids))
    found = {a.id: a for a in list_activities_by_id(store, ids)} if ids else {}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ActivityError(
            QT_TRANSLATE_NOOP("Activities", "No activity has the id {ids}").format(
                ids=", ".join(map(str, missing))
            )
        )
    return _copy(store, found.values())


def copy_all(store: Store, *, seat: str | None = None) -> CopyResult:
    """Copy to CRM for every activity not copied yet (of one seat holder)."""
    if seat:
        seat_of(store, seat)
    candidates = [a for a in list_activities(store, seat=seat) if a.state in _COPYABLE]
    return _copy(store, candidates)


def _copy(store: Store, chosen: Iterable[Activity]) -> CopyResult:
    refused, to_queue, already = [], [], 0
    for activity in chosen:
        if activity.state not in _COPYABLE:
            already += 1
            continue
        why = writeback_settings.refusal(store, activity.kind)
        if why is not None:
            refused.append((activity.id, why))
        else:
            to_queue.append(activity.id)
    states = queue(store, to_queue)
    return CopyResult(
        states.get("queued", 0),
        states.get("unresolved", 0),
        states.get("skipped", 0),
        refused,
        already,
    )


def queue(store: Store, activity_ids: list[int], matcher: Matcher | None = None) -> dict[str, int]:
    """Match the activities and put them into the outbox (queued or unresolved); colleagues
    are skipped. Returns how many went to each state. Each person is matched once, and the
    activities that share a match are updated in one statement."""
    if not activity_ids:
        return {}
    matcher = matcher or Matcher(store)
    emails = _emails_by_person(store)
    by_person: dict[tuple, MatchColumns] = {}
    by_match: dict[MatchColumns, list[int]] = {}
    rows = store.connection.execute(
        "SELECT id, person_key, person_url, person_name, person_company, person_email "
        "FROM activities WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(activity_ids),),
    )
    for row in rows:
        person = tuple(row)[1:]
        columns = by_person.get(person)
        if columns is None:
            columns = by_person[person] = match_columns(matcher.match(person_of(row, emails)))
        by_match.setdefault(columns, []).append(row["id"])
    counts: dict[str, int] = {}
    with store.transaction() as db:
        for columns, ids in by_match.items():
            stored.set_match(db, ids, columns)
            counts[columns.state] = counts.get(columns.state, 0) + len(ids)
    return counts


def person_of(row, emails: dict[str, tuple[str, ...]]) -> Person:
    own = (row["person_email"],) if row["person_email"] else ()
    return Person(
        profile_url=row["person_url"],
        name=matching_name(row["person_name"]),
        company=row["person_company"],
        emails=emails.get(row["person_key"], own) if row["person_key"] else own,
    )


def _emails_by_person(store: Store) -> dict[str, tuple[str, ...]]:
    """Addresses each person wrote in their messages."""
    rows = store.connection.execute(
        "SELECT DISTINCT person_key, lower(person_email) FROM activities "
        "WHERE person_email IS NOT NULL AND person_key IS NOT NULL"
    )
    found: dict[str, list[str]] = {}
    for key, email in rows:
        found.setdefault(key, []).append(email)
    return {key: tuple(sorted(values)) for key, values in found.items()}


def match_columns(match: Match) -> MatchColumns:
    if match.matched:
        return MatchColumns(
            "queued", None, match.sobject, match.record_id, match.account_id, match.rule.value
        )
    if match.reason is Reason.COLLEAGUE:
        return MatchColumns("skipped", match.reason.value)
    return MatchColumns("unresolved", match.reason.value if match.reason else None)


def activity_ids_of_person(store: Store, key: str, state: str) -> list[int]:
    rows = store.connection.execute(
        "SELECT id FROM activities WHERE person_key = ? AND state = ? ORDER BY id", (key, state)
    )
    return [row[0] for row in rows]
