"""Seat holders: the Sales Navigator side, kept locally (email is the key, any case)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from navsync_desktop.store.database import Store
from navsync_desktop.store.match_keys import profile_key

_COLUMNS = "id, email, name, seat_type, profile_url, sync, added_at"
SEAT_TYPES = ("admin", "team_member", "admin_team_member")  # as the table's CHECK allows


@dataclass(frozen=True)
class Seat:
    id: int
    email: str
    name: str
    seat_type: str  # admin, team_member, admin_team_member
    profile_url: str | None
    sync: bool  # the seat's own switch (used when auto sync all is off)
    added_at: str


def _seat(row: sqlite3.Row) -> Seat:
    return Seat(
        row["id"],
        row["email"],
        row["name"],
        row["seat_type"],
        row["profile_url"],
        bool(row["sync"]),
        row["added_at"],
    )


def all_seats(store: Store) -> list[Seat]:
    rows = store.connection.execute(f"SELECT {_COLUMNS} FROM seats ORDER BY name, email")  # noqa: S608 - fixed columns
    return [_seat(row) for row in rows]


def find(store: Store, email: str) -> Seat | None:
    row = store.connection.execute(
        f"SELECT {_COLUMNS} FROM seats WHERE email = ?",  # noqa: S608 - fixed columns
        (email.strip(),),
    ).fetchone()
    return None if row is None else _seat(row)


def upsert(
    db: sqlite3.Connection,
    *,
    email: str,
    name: str,
    seat_type: str,
    profile_url: str | None,
    sync: bool,
) -> bool:
    """Add the seat, or update the one with this email (any case). True when added."""
    exists = db.execute("SELECT 1 FROM seats WHERE email = ?", (email,)).fetchone() is not None
    db.execute(
        "INSERT INTO seats (email, name, seat_type, profile_url, profile_key, sync, added_at) "
        "VALUES (:email, :name, :seat_type, :profile_url, :profile_key, :sync, :now) "
        "ON CONFLICT (email) DO UPDATE SET name = excluded.name, seat_type = excluded.seat_type, "
        "profile_url = excluded.profile_url, profile_key = excluded.profile_key, "
        "sync = excluded.sync",
        {
            "email": email,
            "name": name,
            "seat_type": seat_type,
            "profile_url": profile_url,
            "profile_key": profile_key(profile_url),
            "sync": int(sync),
            "now": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    return not exists


def set_sync(store: Store, email: str, sync: bool) -> bool:
    """Turn the seat's own sync switch; False when there is no such seat."""
    cursor = store.connection.execute(
        "UPDATE seats SET sync = ? WHERE email = ?", (int(sync), email.strip())
    )
    return cursor.rowcount > 0
