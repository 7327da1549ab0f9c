"""Seat holders: added by hand or from a CSV file, mapped to Salesforce Users by email.

A seat is synced when "Auto sync all seat holders" is on, or else when its own switch is on.
A CSV import is checked whole before anything is kept: one bad line rejects the file, naming
the line; importing again updates the seats by email.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from navsync_desktop.engine import autosave, crm_settings
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store
from navsync_desktop.store import seats as stored
from navsync_desktop.store.seats import SEAT_TYPES, Seat


class SeatType(StrEnum):
    ADMIN = SEAT_TYPES[0]
    TEAM_MEMBER = SEAT_TYPES[1]
    ADMIN_TEAM_MEMBER = SEAT_TYPES[2]


SEAT_TYPE_LABELS = {
    SeatType.ADMIN: QT_TRANSLATE_NOOP("Seats", "Admin"),
    SeatType.TEAM_MEMBER: QT_TRANSLATE_NOOP("Seats", "Team member"),
    SeatType.ADMIN_TEAM_MEMBER: QT_TRANSLATE_NOOP("Seats", "Admin + Team member"),
}
NOT_MATCHED = QT_TRANSLATE_NOOP("Seats", "Not matched")

_EMAIL = re.compile(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+")
_LETTERS = re.compile(r"[^a-z0-9äöüß]+")
# the spellings of each column (and seat type) people use, letters and digits only
_COLUMNS = {
    "email": {"email", "emailaddress", "mail", "emailadresse", "work email"},
    "name": {"name", "fullname", "seatholder", "seatholdername", "member", "membername"},
    "seat_type": {"seattype", "type", "seat", "role", "seatrole", "sitztyp", "lizenztyp"},
    "profile_url": {
        "profileurl",
        "linkedinprofileurl",
        "linkedinurl",
        "linkedin",
        "profile",
        "linkedinprofile",
        "profilurl",
        "linkedinprofil",
    },
    "sync": {"sync", "crmsync", "synced", "syncon", "synchronisieren", "synchronisierung"},
}
_SEAT_TYPES = {
    SeatType.ADMIN: {"admin", "administrator"},
    SeatType.TEAM_MEMBER: {"teammember", "member", "teammitglied", "user"},
    SeatType.ADMIN_TEAM_MEMBER: {
        "adminteammember",
        "adminandteammember",
        "adminteammitglied",
        "adminundteammitglied",
    },
}
_ON = {"on", "yes", "true", "1", "y", "x", "ja", "an"}
_OFF = {"off", "no", "false", "0", "n", "nein", "aus"}


class SeatError(ValueError):
    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class SeatHolder:
    """A seat as the seats list shows it: its User in Salesforce (if any) and its lists."""

    seat: Seat
    synced: bool  # auto sync all, or its own switch
    user_id: str | None
    user_name: str | None
    user_active: bool
    accounts: int
    leads_and_contacts: int

    @property
    def matched(self) -> bool:
        return self.user_id is not None

    def to_json(self) -> dict:
        seat = self.seat
        return {
            "email": seat.email,
            "name": seat.name,
            "seat_type": seat.seat_type,
            "profile_url": seat.profile_url,
            "sync": seat.sync,
            "synced": self.synced,
            "matched": self.matched,
            "user": {"id": self.user_id, "name": self.user_name, "active": self.user_active}
            if self.matched
            else None,
            "saved_lists": {
                "accounts": self.accounts,
                "leads_and_contacts": self.leads_and_contacts,
            },
        }


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def _letters(text: str) -> str:
    return _LETTERS.sub("", text.strip().lower())


def parse_seat_type(text: str | None) -> SeatType:
    """A seat type as people write it ("Admin + Team member", "team_member", …)."""
    if not text or not text.strip():
        return SeatType.TEAM_MEMBER
    letters = _letters(text)
    for seat_type, spellings in _SEAT_TYPES.items():
        if letters in spellings:
            return seat_type
    raise SeatError(
        QT_TRANSLATE_NOOP(
            "Seats",
            "Unknown seat type \u201c{value}\u201d (Admin, Team member, Admin + Team member)",
        ).format(value=text.strip())
    )


def parse_switch(text: str | None) -> bool:
    if not text or not text.strip():
        return True
    value = text.strip().lower()
    if value in _ON | _OFF:
        return value in _ON
    raise SeatError(
        QT_TRANSLATE_NOOP("Seats", "Sync must be on or off, not \u201c{value}\u201d").format(
            value=text.strip()
        )
    )


def _checked(email: str, name: str, profile_url: str | None) -> tuple[str, str, str | None]:
    email, name = email.strip(), " ".join(name.split())
    if not _EMAIL.fullmatch(email):
        raise SeatError(
            QT_TRANSLATE_NOOP("Seats", "\u201c{value}\u201d is not an email address").format(
                value=email
            )
        )
    if not name:
        raise SeatError(QT_TRANSLATE_NOOP("Seats", "The seat holder's name is missing"))
    profile_url = (profile_url or "").strip() or None
    if profile_url and "linkedin.com/" not in profile_url.lower():
        raise SeatError(
            QT_TRANSLATE_NOOP("Seats", "\u201c{value}\u201d is not a LinkedIn profile URL").format(
                value=profile_url
            )
        )
    return email, name, profile_url


def add_seat(
    store: Store,
    *,
    email: str,
    name: str,
    seat_type: str | None = None,
    profile_url: str | None = None,
    sync: bool = True,
) -> Seat:
    email, name, profile_url = _checked(email, name, profile_url)
    if stored.find(store, email) is not None:
        raise SeatError(
            QT_TRANSLATE_NOOP(
                "Seats", "{email} is a seat holder already; change the seat or import a list"
            ).format(email=email)
        )
    with store.transaction() as db:
        stored.upsert(
            db,
            email=email,
            name=name,
            seat_type=parse_seat_type(seat_type).value,
            profile_url=profile_url,
            sync=sync,
        )
    autosave.recompute(store)
    return stored.find(store, email)


def set_sync(store: Store, email: str, sync: bool) -> None:
    if not stored.set_sync(store, email, sync):
        raise SeatError(
            QT_TRANSLATE_NOOP("Seats", "No seat holder has the email {email}").format(email=email)
        )
    autosave.recompute(store)


def import_csv(store: Store, path: Path) -> ImportResult:
    """Add or update the seats listed in a CSV file (UTF-8, with or without BOM; comma,
    semicolon or tab separated; columns in any order, named as people name them)."""
    rows = _read_rows(path)
    added = updated = 0
    with store.transaction() as db:
        for row in rows:
            if stored.upsert(db, **row):
                added += 1
            else:
                updated += 1
    autosave.recompute(store)
    return ImportResult(added, updated)


def _read_rows(path: Path) -> list[dict]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise SeatError(
            QT_TRANSLATE_NOOP("Seats", "{file} cannot be read: {reason}").format(
                file=str(path), reason=error.strerror or str(error)
            )
        ) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise _line_error(path, line, QT_TRANSLATE_NOOP("Seats", "not UTF-8 text")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise SeatError(
            QT_TRANSLATE_NOOP("Seats", "{file} is empty: it needs a header line").format(
                file=str(path)
            )
        )
    columns = _header_columns(path, header)
    rows, first_seen = [], {}
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        values = {key: cells[index] if index < len(cells) else "" for key, index in columns.items()}
        try:
            email, name, profile_url = _checked(
                values["email"], values["name"], values.get("profile_url")
            )
            row = {
                "email": email,
                "name": name,
                "seat_type": parse_seat_type(values.get("seat_type")).value,
                "profile_url": profile_url,
                "sync": parse_switch(values.get("sync")),
            }
        except SeatError as error:
            raise _line_error(path, line, error.text) from None
        if email.lower() in first_seen:
            problem = QT_TRANSLATE_NOOP("Seats", "{email} is listed twice (also on line {other})")
            raise _line_error(
                path, line, problem.format(email=email, other=first_seen[email.lower()])
            )
        first_seen[email.lower()] = line
        rows.append(row)
    return rows


def _header_columns(path: Path, header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        letters = _letters(cell)
        for key, spellings in _COLUMNS.items():
            if letters in {_letters(spelling) for spelling in spellings}:
                if key in columns:
                    problem = QT_TRANSLATE_NOOP("Seats", "two columns mean {column}")
                    raise _line_error(path, 1, problem.format(column=key))
                columns[key] = index
    missing = [key for key in ("email", "name") if key not in columns]
    if missing:
        problem = QT_TRANSLATE_NOOP(
            "Seats",
            "the header needs the columns email and name (found: {found}); the columns are: "
            "email, name, seat type, profile url, sync",
        )
        raise _line_error(path, 1, problem.format(found=", ".join(h.strip() for h in header)))
    return columns


def _line_error(path: Path, line: int, problem: Text) -> SeatError:
    return SeatError(
        QT_TRANSLATE_NOOP("Seats", "{file}, line {line}: {problem}. Nothing was imported.").format(
            file=path.name, line=line, problem=problem
        )
    )


def seat_holders(store: Store) -> list[SeatHolder]:
    """Every seat with its Salesforce User ("Not matched" when none) and saved lists."""
    all_synced = crm_settings.auto_sync_all_seats(store)
    rows = store.connection.execute(
        """
        SELECT seat.id,
               sf_user.id AS user_id, sf_user.name AS user_name,
               sf_user.is_active AS user_active,
               (SELECT count(*) FROM saved_list_entries AS entry
                WHERE entry.seat_id = seat.id AND entry.list = 'accounts') AS accounts,
               (SELECT count(*) FROM saved_list_entries AS entry
                WHERE entry.seat_id = seat.id AND entry.list = 'leads_contacts') AS people
        FROM seats AS seat
        LEFT JOIN crm_user AS sf_user ON sf_user.id = (
            SELECT candidate.id FROM crm_user AS candidate WHERE candidate.email = seat.email
            ORDER BY candidate.is_active DESC, candidate.id LIMIT 1)
        """
    )
    found = {row["id"]: row for row in rows}
    holders = []
    for seat in stored.all_seats(store):
        row = found[seat.id]
        holders.append(
            SeatHolder(
                seat,
                all_synced or seat.sync,
                row["user_id"],
                row["user_name"],
                bool(row["user_active"]),
                row["accounts"],
                row["people"],
            )
        )
    return holders


def add_sales_reps(store: Store) -> ImportResult:
    """The synced org's sales reps as seat holders, in one go: the active Users who own
    accounts, opportunities or leads (the demo org offers this; seats of the same email
    stay)."""
    rows = store.connection.execute(
        """
        SELECT sf_user.email, sf_user.name FROM crm_user AS sf_user
        WHERE sf_user.is_active = 1 AND sf_user.email IS NOT NULL
          AND (EXISTS (SELECT 1 FROM crm_account AS account WHERE account.owner_id = sf_user.id)
               OR EXISTS (SELECT 1 FROM crm_opportunity AS opportunity
                          WHERE opportunity.owner_id = sf_user.id)
               OR EXISTS (SELECT 1 FROM crm_lead AS lead WHERE lead.owner_id = sf_user.id))
          AND NOT EXISTS (SELECT 1 FROM seats AS seat WHERE seat.email = sf_user.email)
        ORDER BY sf_user.name
        """
    ).fetchall()
    with store.transaction() as db:
        for row in rows:
            stored.upsert(
                db,
                email=row["email"],
                name=row["name"],
                seat_type=SeatType.TEAM_MEMBER.value,
                profile_url=None,
                sync=True,
            )
    autosave.recompute(store)
    return ImportResult(len(rows), 0)
