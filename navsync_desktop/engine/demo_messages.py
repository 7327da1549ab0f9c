"""A small LinkedIn ``messages.csv`` for the demo org, written the way LinkedIn's data export
writes it: a seat holder's conversations with people of the synced org (an InMail with its
reply, messages, a group message), a message from a "LinkedIn Member" without a URL and one
to somebody the org does not know. The tour imports it, so that its pictures of the
Activities and Unresolved activities tabs show what a real import gives. No Qt."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from navsync_desktop.engine.linkedin_import import EXPORT_COLUMNS
from navsync_desktop.store import Store
from navsync_desktop.store import seats as stored_seats

_STRANGER = ("Robin Example", "https://www.linkedin.com/in/robin-example-4f1a2b/")


def give_profile_url(store: Store, email: str) -> str:
    """The seat holder's LinkedIn profile URL, made up from the name when the seat has none
    (the demo's sales reps come without one)."""
    seat = stored_seats.find(store, email)
    if seat is None:
        raise LookupError(email)
    if seat.profile_url:
        return seat.profile_url
    slug = "-".join(seat.name.lower().split())
    url = f"https://www.linkedin.com/in/{slug}-demo/"
    with store.transaction() as db:
        stored_seats.upsert(
            db,
            email=seat.email,
            name=seat.name,
            seat_type=seat.seat_type,
            profile_url=url,
            sync=seat.sync,
        )
    return url


def write_demo_export(store: Store, seat_email: str, path: Path, *, now: datetime) -> Path:
    """Writes the conversations of ``seat_email`` with the first synced contacts that have a
    LinkedIn profile URL to ``path``."""
    seat = stored_seats.find(store, seat_email)
    own = (seat.name, give_profile_url(store, seat_email))
    people = [
        (f"{row[0]} {row[1]}", row[2])
        for row in store.connection.execute(
            "SELECT first_name, last_name, linkedin_profile_url FROM crm_contact "
            "WHERE linkedin_profile_url IS NOT NULL AND first_name IS NOT NULL "
            "ORDER BY last_name, first_name LIMIT 3"
        )
    ]
    if len(people) < 3:
        raise LookupError("the synced org has too few contacts with a LinkedIn profile URL")
    first, second, third = people

    def when(hours_ago: float) -> str:
        return (now - timedelta(hours=hours_ago)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    def row(conversation, sender, recipients, hours_ago, content, subject="", title=""):
        return [
            conversation,
            title,
            sender[0],
            sender[1] or "",
            ",".join(name for name, _ in recipients),
            ",".join(url or "" for _, url in recipients),
            when(hours_ago),
            subject,
            content,
            "INBOX",
        ]

    given = first[0].split()[0]
    rows = [
        row("2-demo-1", own, [first], 50, f"Hello {given},\nthank you for the call.",
            subject="Pilot for your sales team"),
        row("2-demo-1", first, [own], 47, "Thanks, let's talk next week.",
            subject="RE: Pilot for your sales team"),
        row("2-demo-2", own, [second], 30, "As promised, the figures we discussed."),
        row("2-demo-3", own, [second, third], 20, "Hi both, kick-off on Monday?",
            title="Kick-off"),
        row("2-demo-4", ("LinkedIn Member", None), [own], 10, "Would you share the slides?"),
        row("2-demo-5", own, [_STRANGER], 5, "Nice to meet you at the fair."),
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(rows)
    return path
