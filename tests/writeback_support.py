"""What the write-back tests share: a connected, synced store with a seat holder whose
LinkedIn export can be imported, and the org's records read back through its REST API."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from linkedin_export import Member, row, write
from simple_salesforce import format_soql
from sync_support import QUICK, connected, demo_org_server

from navsync_desktop.engine import activities, seats, writeback_settings
from navsync_desktop.engine.activities import LoggedPerson
from navsync_desktop.engine.activity_records import refs_in
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.store import settings

SEAT_EMAIL = "lena.hoffmann@northwind-demo.example"  # a sales rep: a User of the demo org
SEAT = Member("Lena Hoffmann", "https://www.linkedin.com/in/lena-hoffmann-northwind/")
# Someone no CRM record matches, whose name a search must take literally
STRANGER = Member("Jürgen O'Brien\\Smith", "https://www.linkedin.com/in/j%C3%BCrgen-obrien/")


@contextmanager
def ready(store, scenario: str | None = None, *, enable: bool = True, records: int = 200):
    """(server, connection): a demo org, connected and synced, Lena as a seat holder and
    write-back enabled (all kinds)."""
    with demo_org_server(scenario, records=records) as server, connected(store, server) as manager:
        assert run_sync(store, manager, options=QUICK).outcome is Outcome.SUCCEEDED
        seats.add_seat(store, email=SEAT_EMAIL, name=SEAT.name, profile_url=SEAT.url)
        if enable:
            settings.put(store, writeback_settings.ENABLED, True)
        yield server, manager


def contacts_with_urls(store, count: int) -> list[dict]:
    rows = store.connection.execute(
        "SELECT id, first_name, last_name, linkedin_profile_url, account_id, email "
        "FROM crm_contact WHERE linkedin_profile_url IS NOT NULL ORDER BY id LIMIT ?",
        (count,),
    )
    return [dict(row) for row in rows]


def log_calls(store, contacts: list[dict], *, when, duration_s: int = 30, outcome="busy") -> None:
    """A logged call of the seat holder with each contact (by its LinkedIn profile URL)."""
    for contact in contacts:
        activities.log_call(
            store,
            SEAT_EMAIL,
            LoggedPerson(contact["linkedin_profile_url"]),
            when=when,
            duration_s=duration_s,
            outcome=outcome,
        )


def members(contacts: list[dict]) -> list[Member]:
    return [
        Member(f"{c['first_name']} {c['last_name']}", c["linkedin_profile_url"]) for c in contacts
    ]


def user_id(store, email: str) -> str:
    return store.connection.execute("SELECT id FROM crm_user WHERE email = ?", (email,)).fetchone()[
        0
    ]


def tasks_since(session, since: datetime, fields: str = "Id, WhoId, WhatId, OwnerId") -> list:
    return session.query_all(
        format_soql(
            "SELECT {:literal}, Description, CreatedById FROM Task WHERE CreatedDate >= {}",
            fields,
            since,
        )
    )


def org_records(session, sobject: str, fields: str, field: str, value: str) -> list[dict]:
    """The org's records of ``sobject`` whose ``field`` is ``value`` (through the REST API)."""
    return session.query_all(
        format_soql(
            "SELECT {:literal} FROM {:literal} WHERE {:literal} = {}", fields, sobject, field, value
        )
    )


def refs_count(records: list[dict], field: str = "Description") -> Counter:
    return Counter(ref for record in records for ref in refs_in(record[field]))


def started() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def unresolved_export(path: Path, when: datetime) -> Path:
    """Two messages with the stranger (no match) and one from a "LinkedIn Member" without a
    profile URL (no URL)."""
    anonymous = Member("LinkedIn Member", None)
    return write(
        path,
        [
            row("2-s", SEAT, [STRANGER], when, "Hallo"),
            row("2-t", STRANGER, [SEAT], when + timedelta(minutes=5), "Servus"),
            row("2-u", anonymous, [SEAT], when, "Who am I?"),
        ],
    )
