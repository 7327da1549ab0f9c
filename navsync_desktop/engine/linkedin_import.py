"""Import of a seat holder's LinkedIn data export, ``messages.csv``, as activities.

The file is read as a stream with the csv module (quoted fields may hold commas, quotes and
line breaks, CRLF included). Columns are found by name in any order; columns LinkedIn added
later are ignored; a missing required one is named. UTF-8 with or without BOM only.

There is no SENT folder: a message is the seat holder's own when its sender's profile URL
is the seat's (normalised). The counterparts of a sent message are all its recipients; of a
received one, its sender. Each counterpart gets an activity. A SUBJECT makes an InMail.
Sponsored InMails (no sender URL, HTML content) are skipped; a "LinkedIn Member" without a
URL cannot be matched (unresolved).

Nothing is half-imported: rows are staged in a temporary table in short transactions (the
store's own tables are not touched, so nobody waits), and moved into the activities in one
short transaction once the whole file was read. A malformed file is rejected whole, naming
the line. Each message has a stable key (conversation, date, sender, content) and each
activity the message's key and its counterpart, so importing the same file again, or a newer
export that overlaps it, adds nothing twice.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.activities import (
    ActivityError,
    queue,
    reference,
    seat_of,
    stable_key,
)
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.store import Store
from navsync_desktop.store import activities as stored
from navsync_desktop.store.match_keys import profile_key

# The columns of LinkedIn's messages.csv in the export's order (newer exports add more, which
# are ignored; the columns are found by name, in any order).
EXPORT_COLUMNS = (
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
)
OPTIONAL = ("CONVERSATION TITLE", "FOLDER")
REQUIRED = tuple(name for name in EXPORT_COLUMNS if name not in OPTIONAL)
_STAGE_BATCH = 2000
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_HTML = re.compile(r"<\s*/?\s*(html|body|div|p|table|td|tr|a|br|span|img|style|head)\b", re.I)
_STAGE = "temp.linkedin_import"
SPONSORED = "sponsored"

ProgressCallback = Callable[[int], None]  # rows read so far


class ImportRejected(ActivityError):
    """The file cannot be imported; nothing of it was kept."""


class ImportCancelled(ActivityError):
    pass


@dataclass(frozen=True)
class ImportResult:
    rows: int  # messages read
    added: int  # new activities
    already: int  # activities that were imported before
    skipped: int  # of the added: sponsored InMails (not sales activity) and colleagues
    unresolved: int  # of the added: queued, but no CRM record found
    queued: int  # of the added: matched, in the outbox

    def to_json(self) -> dict:
        return {
            "rows": self.rows,
            "added": self.added,
            "already_imported": self.already,
            "skipped": self.skipped,
            "unresolved": self.unresolved,
            "queued": self.queued,
        }

    def summary(self) -> Text:
        return QT_TRANSLATE_NOOP(
            "Import",
            "{rows} messages read: {added} new activities ({queued} queued for the CRM, "
            "{unresolved} unresolved, {skipped} skipped), {already} imported before.",
        ).format(
            rows=Number(self.rows),
            added=Number(self.added),
            queued=Number(self.queued),
            unresolved=Number(self.unresolved),
            skipped=Number(self.skipped),
            already=Number(self.already),
        )


def _rejected(path: Path, line: int, problem: Text) -> ImportRejected:
    return ImportRejected(
        QT_TRANSLATE_NOOP("Import", "{file}, line {line}: {problem}. Nothing was imported.").format(
            file=" ".join(path.name.split()), line=line, problem=problem
        )
    )


def import_messages(
    store: Store,
    path: Path,
    seat_email: str,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """Import ``messages.csv`` for the seat holder with ``seat_email``."""
    seat = seat_of(store, seat_email)
    own_key = profile_key(seat.profile_url)
    if own_key is None:
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "{email} has no LinkedIn profile URL, so sent and received messages cannot be "
                "told apart. Add the seat holder's profile URL first.",
            ).format(email=seat.email)
        )
    db = store.connection
    db.execute(f"DROP TABLE IF EXISTS {_STAGE}")
    db.execute(
        f"CREATE TABLE {_STAGE} AS SELECT {', '.join(stored.ACTIVITY_COLUMNS)} "  # noqa: S608 - fixed names
        "FROM activities WHERE 0"
    )
    try:
        rows = _stage(db, path, seat.id, own_key, progress, cancel)
        return _move_in(store, seat.id, rows)
    finally:
        db.execute(f"DROP TABLE IF EXISTS {_STAGE}")


def _stage(
    db: sqlite3.Connection,
    path: Path,
    seat_id: int,
    own_key: str,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> int:
    """Parse the whole file into the staging table; returns the messages read."""
    insert = stored.insert_sql(_STAGE, ignore=False).replace(", created_at, updated_at", "")
    insert = insert.replace(", :now, :now)", ")")
    batch: list[dict] = []
    count = 0
    now = stored.now_text()
    for line, record in _records(path):
        count += 1
        batch.extend(_activities(path, line, record, seat_id, own_key, now))
        if len(batch) >= _STAGE_BATCH:
            _write(db, insert, batch)
            batch.clear()
            if cancel is not None and cancel.is_set():
                raise ImportCancelled(
                    QT_TRANSLATE_NOOP("Import", "The import was cancelled; nothing was imported.")
                )
            if progress is not None:
                progress(count)
    _write(db, insert, batch)
    if progress is not None:
        progress(count)
    return count


def _write(db: sqlite3.Connection, insert: str, batch: list[dict]) -> None:
    # A deferred transaction that writes only the temporary table takes no lock on the store.
    db.execute("BEGIN")
    try:
        db.executemany(insert, batch)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _records(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, {column: value}) per message; raises ImportRejected on a malformed file."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="", errors="strict")
    except OSError as error:
        raise ImportRejected(
            QT_TRANSLATE_NOOP("Import", "{file} cannot be read: {reason}").format(
                file=str(path), reason=error.strerror or type(error).__name__
            )
        ) from None
    with handle:
        reader = csv.reader(handle, strict=True)
        line = 1
        try:
            header = next(reader, None)
            columns = _columns(path, header)
            width = len(header)
            line = reader.line_num + 1
            for cells in reader:
                if not any(cells):
                    line = reader.line_num + 1
                    continue
                if len(cells) != width:
                    raise _rejected(
                        path,
                        line,
                        QT_TRANSLATE_NOOP(
                            "Import", "{found} columns where the header has {expected}"
                        ).format(found=len(cells), expected=width),
                    )
                yield line, {name: cells[index] for name, index in columns.items()}
                line = reader.line_num + 1
        except csv.Error as error:
            raise _rejected(
                path,
                line,
                QT_TRANSLATE_NOOP("Import", "the CSV is malformed ({reason})").format(
                    reason=str(error)
                ),
            ) from None
        except UnicodeDecodeError:
            raise _not_utf8(path) from None


def _not_utf8(path: Path) -> ImportRejected:
    """Names the first line that is not UTF-8 (found again on the error path only)."""
    number = 0
    with path.open("rb") as raw:
        for data in raw:
            number += 1
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                break
    return _rejected(
        path,
        number,
        QT_TRANSLATE_NOOP(
            "Import",
            "the file is not UTF-8 text (LinkedIn exports are UTF-8; save it as UTF-8 and "
            "import it again)",
        ),
    )


def _columns(path: Path, header: list[str] | None) -> dict[str, int]:
    if header is None or not any(cell.strip() for cell in header):
        raise _rejected(
            path, 1, QT_TRANSLATE_NOOP("Import", "the file is empty: it needs the header line")
        )
    names = [cell.strip().upper() for cell in header]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise _rejected(
            path,
            1,
            QT_TRANSLATE_NOOP(
                "Import", "the header lacks the column {columns} (is this LinkedIn's messages.csv?)"
            ).format(columns=", ".join(missing)),
        )
    return {name: names.index(name) for name in REQUIRED + OPTIONAL if name in names}


def _occurred_at(path: Path, line: int, text: str) -> datetime:
    value = text.strip()
    try:
        if len(value) != 23 or not value.endswith(" UTC") or value[10] != " ":
            raise ValueError(value)
        moment = datetime.fromisoformat(value[:19])  # much faster than strptime
    except ValueError:
        raise _rejected(
            path,
            line,
            QT_TRANSLATE_NOOP(
                "Import", "the DATE \u201c{value}\u201d is not like 2023-07-08 08:39:28 UTC"
            ).format(value=" ".join(value.split())[:40]),
        ) from None
    return moment.replace(tzinfo=UTC)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",")] if text.strip() else []


def _counterparts(record: dict[str, str], sent: bool) -> list[tuple[str | None, str | None]]:
    """(profile URL, name) of each counterpart, from the seat holder's side."""
    if not sent:
        return [(record["SENDER PROFILE URL"].strip() or None, record["FROM"].strip() or None)]
    urls, names = _split(record["RECIPIENT PROFILE URLS"]), _split(record["TO"])
    if not urls:  # recipients without a URL ("LinkedIn Member"): unresolved, but kept
        urls = [None] * len(names)
    if len(names) != len(urls):  # a name with a comma in it: the URLs are what counts
        names = [None] * len(urls)
    return [(url or None, name or None) for url, name in zip(urls, names, strict=True)]


def _activities(
    path: Path, line: int, record: dict[str, str], seat_id: int, own_key: str, now: str
) -> list[dict]:
    occurred = _occurred_at(path, line, record["DATE"]).isoformat()
    sender_url = record["SENDER PROFILE URL"].strip()
    sender_key = profile_key(sender_url)
    content = record["CONTENT"]
    subject = record["SUBJECT"].strip() or None
    conversation = record["CONVERSATION ID"].strip()
    sent = sender_key == own_key
    message_key = stable_key(conversation, occurred, sender_key or record["FROM"].strip(), content)
    sponsored = not sender_url and bool(_HTML.search(content))
    emails = [] if sent else sorted(set(_EMAIL.findall(content)))
    found = []
    for url, name in _counterparts(record, sent):
        person_key = profile_key(url)
        if person_key == own_key:
            continue  # the seat holder among the recipients of their own message
        key = stable_key(message_key, person_key or f"name:{name}")
        found.append(
            {
                "key": key,
                "ref": reference(key),
                "seat_id": seat_id,
                "kind": "inmail" if subject else "message",
                "source": "linkedin_export",
                "direction": "sent" if sent else "received",
                "occurred_at": occurred,
                "subject": subject,
                "content": content,
                "conversation_id": conversation or None,
                "conversation_title": (record.get("CONVERSATION TITLE") or "").strip() or None,
                "person_key": person_key,
                "person_url": url,
                "person_name": name,
                "person_company": None,
                "person_email": emails[0] if len(emails) == 1 else None,
                "call_duration_s": None,
                "call_outcome": None,
                "state": "skipped" if sponsored else "new",
                "reason": SPONSORED if sponsored else None,
                "now": now,
            }
        )
    return found


def _move_in(store: Store, seat_id: int, rows: int) -> ImportResult:
    """One short transaction: the staged activities that are new go into the store."""
    columns = ", ".join(stored.ACTIVITY_COLUMNS)
    now = stored.now_text()
    with store.transaction() as db:
        staged = db.execute(f"SELECT count(DISTINCT key) FROM {_STAGE}").fetchone()[0]  # noqa: S608 - fixed name
        before = db.execute("SELECT coalesce(max(id), 0) FROM activities").fetchone()[0]
        added = db.execute(
            f"INSERT OR IGNORE INTO activities ({columns}, created_at, updated_at) "  # noqa: S608 - fixed names
            f"SELECT {columns}, ?, ? FROM {_STAGE}",
            (now, now),
        ).rowcount
    at_once = [k for k in stored.KINDS if writeback_settings.queues_at_once(store, seat_id, k)]
    marks = ", ".join("?" for _ in at_once)
    queued_ids = [
        row[0]
        for row in store.connection.execute(
            f"SELECT id FROM activities WHERE id > ? AND state = 'new' AND kind IN ({marks})",  # noqa: S608 - placeholders
            (before, *at_once),
        )
    ]
    sponsored = store.connection.execute(
        "SELECT count(*) FROM activities WHERE id > ? AND state = 'skipped'", (before,)
    ).fetchone()[0]
    states = queue(store, queued_ids)
    return ImportResult(
        rows=rows,
        added=added,
        already=staged - added,
        skipped=sponsored + states.get("skipped", 0),
        unresolved=states.get("unresolved", 0),
        queued=states.get("queued", 0),
    )
