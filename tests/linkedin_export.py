"""LinkedIn's ``messages.csv``, written the way the data export writes it, for the tests and
the import benchmark: the export's header (and a newer column), CRLF line ends, quoted fields
with commas, quotes and line breaks, group conversations, InMails with a subject, a sponsored
InMail, a "LinkedIn Member" without a URL."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from navsync_desktop.engine.linkedin_import import EXPORT_COLUMNS

HEADER = [*EXPORT_COLUMNS, "ATTACHMENTS"]  # newer exports add columns
_TEXTS = [
    "Hallo {first}, danke für das Gespräch – wie besprochen schicke ich Ihnen die Unterlagen.",
    'Hi {first},\r\nquick follow-up on "Q3 pilot", does Tuesday work? 🙂',
    "Sehr gerne, melden Sie sich einfach, wenn Fragen sind.\nViele Grüße",
    "Thanks, that's helpful, I'll forward it to our procurement team, they decide, not me.",
    "<p>Let's <b>talk</b> next week</p>",
    "",
]


@dataclass(frozen=True)
class Member:
    name: str
    url: str | None


def date_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def row(
    conversation: str,
    sender: Member,
    recipients: list[Member],
    when: datetime,
    content: str,
    *,
    subject: str = "",
    title: str = "",
    folder: str = "INBOX",
) -> list[str]:
    return [
        conversation,
        title,
        sender.name,
        sender.url or "",
        ",".join(r.name for r in recipients),
        ",".join(r.url or "" for r in recipients),
        date_text(when),
        subject,
        content,
        folder,
        "",
    ]


def write(path: Path, rows: list[list[str]], *, bom: bool = False, header=HEADER) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def conversations(
    seat: Member,
    people: list[Member],
    *,
    count: int,
    seed: int = 1,
    start: datetime = datetime(2024, 3, 1, 8, 0, tzinfo=UTC),
) -> list[list[str]]:
    """``count`` messages between the seat holder and ``people``: one-to-one conversations
    (messages and InMails, sent and received), now and then a group conversation."""
    rng = random.Random(seed)
    rows, moment, number = [], start, 0
    while len(rows) < count:
        number += 1
        moment += timedelta(minutes=rng.randint(1, 600))
        conversation = f"2-{rng.getrandbits(96):024x}"
        inmail = rng.random() < 0.25
        subject = f"Pilot {number}" if inmail else ""
        if rng.random() < 0.1 and len(people) > 2:
            group = rng.sample(people, 2)
            rows.append(row(conversation, seat, group, moment, "Hi both, kick-off on Monday?"))
            continue
        person = rng.choice(people)
        first = person.name.split()[0]
        for turn in range(rng.randint(1, 3)):
            if len(rows) >= count:
                break
            moment += timedelta(minutes=rng.randint(1, 90))
            text = rng.choice(_TEXTS).format(first=first)
            if turn % 2 == 0:
                rows.append(row(conversation, seat, [person], moment, text, subject=subject))
            else:
                reply = f"Re: {subject}" if subject else ""
                rows.append(row(conversation, person, [seat], moment, text, subject=reply))
    return rows
