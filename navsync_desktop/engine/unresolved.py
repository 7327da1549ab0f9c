"""The report "LinkedIn Unresolved Activities" (Unassigned Activities): activities to be
written back whose person has no CRM record, with the reason (no match, ambiguous, no profile
URL). Exported as CSV; the admin maps a person to a CRM record by hand (searched locally
and in the org), the mapping is kept, and every activity of that person goes out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from simple_salesforce import format_soql

from navsync_desktop.engine.activities import (
    Activity,
    ActivityError,
    activity_ids_of_person,
    list_activities,
    queue,
)
from navsync_desktop.engine.matching import REASON_LABELS, Reason
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store
from navsync_desktop.store.match_keys import profile_key

_PREFIXES = {"003": "Contact", "00Q": "Lead", "001": "Account"}
_SEARCH_LIMIT = 50
CSV_COLUMNS = (
    "id",
    "seat",
    "kind",
    "date",
    "person",
    "profile_url",
    "company",
    "reason",
    "subject",
)


def list_unresolved(
    store: Store, *, seat: str | None = None, reason: str | None = None
) -> list[Activity]:
    found = list_activities(store, seat=seat, state="unresolved")
    return [a for a in found if reason is None or a.reason == reason]


def export_csv(store: Store, path: Path, **filters) -> Path:
    """The unresolved activities as CSV (UTF-8 with BOM, which spreadsheet programs read)."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for activity in list_unresolved(store, **filters):
                label = REASON_LABELS.get(Reason(activity.reason)) if activity.reason else None
                writer.writerow(
                    [
                        activity.id,
                        activity.seat_email,
                        activity.kind,
                        activity.occurred_at.isoformat(),
                        activity.person_name or "",
                        activity.person_url or "",
                        activity.person_company or "",
                        str(label) if label else activity.reason,
                        activity.subject or "",
                    ]
                )
    except OSError as error:
        raise ActivityError(
            QT_TRANSLATE_NOOP("Unresolved", "{file} cannot be written: {reason}").format(
                file=str(path), reason=error.strerror or type(error).__name__
            )
        ) from None
    return path


@dataclass(frozen=True)
class CrmRecord:
    sobject: str
    id: str
    name: str
    detail: str | None  # email or company
    account_id: str | None = None

    def to_json(self) -> dict:
        return {"sobject": self.sobject, "id": self.id, "name": self.name, "detail": self.detail}


def search_records(
    store: Store, text: str, session: SalesforceSession | None = None
) -> list[CrmRecord]:
    """Contacts, leads and accounts whose name (or email) contains ``text``: the synced ones,
    and, with a session, the org's own (SOQL with every quote, backslash and wildcard of the
    text escaped: it is just a name)."""
    needle = " ".join(text.split())
    if not needle:
        return []
    found: dict[str, CrmRecord] = {}
    like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    db = store.connection
    for row in db.execute(
        "SELECT id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name, "
        "email, account_id FROM crm_contact WHERE (coalesce(first_name, '') || ' ' || "
        "coalesce(last_name, '')) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' LIMIT ?",
        (like, like, _SEARCH_LIMIT),
    ):
        found[row["id"]] = CrmRecord("Contact", row["id"], row["name"], row["email"], row[3])
    for row in db.execute(
        "SELECT id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name, "
        "company FROM crm_lead WHERE ((coalesce(first_name, '') || ' ' || "
        "coalesce(last_name, '')) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') "
        "AND NOT coalesce(is_converted, 0) LIMIT ?",
        (like, like, _SEARCH_LIMIT),
    ):
        found[row["id"]] = CrmRecord("Lead", row["id"], row["name"], row["company"])
    for row in db.execute(
        "SELECT id, name, website FROM crm_account WHERE name LIKE ? ESCAPE '\\' LIMIT ?",
        (like, _SEARCH_LIMIT),
    ):
        found[row["id"]] = CrmRecord("Account", row["id"], row["name"], row["website"], row["id"])
    if session is not None:
        for record in _search_org(session, needle):
            found.setdefault(record.id, record)
    return sorted(found.values(), key=lambda r: (r.sobject != "Contact", r.name.casefold()))


def _search_org(session: SalesforceSession, needle: str) -> list[CrmRecord]:
    queries = (
        ("Contact", "SELECT Id, Name, Email, AccountId FROM Contact WHERE Name LIKE '%{:like}%'"),
        (
            "Lead",
            "SELECT Id, Name, Company FROM Lead WHERE Name LIKE '%{:like}%' "
            "AND IsConverted = false",
        ),
        ("Account", "SELECT Id, Name, Website FROM Account WHERE Name LIKE '%{:like}%'"),
    )
    found = []
    for sobject, query in queries:
        soql = format_soql(query + f" LIMIT {_SEARCH_LIMIT}", needle)
        for record in session.query_all(soql):
            detail = record.get("Email") or record.get("Company") or record.get("Website")
            account = record.get("AccountId") if sobject == "Contact" else None
            found.append(
                CrmRecord(
                    sobject,
                    record["Id"],
                    record["Name"],
                    detail,
                    account or (record["Id"] if sobject == "Account" else None),
                )
            )
    return found


def _record(store: Store, record_id: str, session: SalesforceSession | None) -> CrmRecord:
    sobject = _PREFIXES.get(record_id[:3])
    if sobject is None or len(record_id) not in (15, 18):
        raise ActivityError(
            QT_TRANSLATE_NOOP(
                "Unresolved", "{id} is not the Id of a contact, lead or account"
            ).format(id=record_id)
        )
    table, name = {
        "Contact": ("crm_contact", "first_name || ' ' || last_name"),
        "Lead": ("crm_lead", "first_name || ' ' || last_name"),
        "Account": ("crm_account", "name"),
    }[sobject]
    account = "account_id" if sobject == "Contact" else ("id" if sobject == "Account" else "NULL")
    row = store.connection.execute(
        f"SELECT id, {name}, {account} FROM {table} WHERE id = ?",  # noqa: S608 - fixed names
        (record_id,),
    ).fetchone()
    if row is not None:
        return CrmRecord(sobject, row[0], row[1] or "", None, row[2])
    if session is not None:
        fields = "Id, Name" + (", AccountId" if sobject == "Contact" else "")
        found = session.query_all(
            format_soql(f"SELECT {fields} FROM {sobject} WHERE Id = {{}}", record_id)  # noqa: S608 - fixed names
        )
        if found:
            record = found[0]
            account_id = record.get("AccountId") or (record["Id"] if sobject == "Account" else None)
            return CrmRecord(sobject, record["Id"], record["Name"], None, account_id)
    raise ActivityError(
        QT_TRANSLATE_NOOP(
            "Unresolved", "No {sobject} with the Id {id} is known: sync the CRM data first."
        ).format(sobject=sobject, id=record_id)
    )


def map_person(
    store: Store, profile_url: str, record_id: str, session: SalesforceSession | None = None
) -> int:
    """Keep "this LinkedIn person is that CRM record"; every unresolved activity of the
    person goes to the outbox. Returns how many were queued."""
    key = profile_key(profile_url)
    if key is None or not key.startswith("linkedin.com/"):
        raise ActivityError(
            QT_TRANSLATE_NOOP(
                "Unresolved", "\u201c{value}\u201d is not a LinkedIn profile URL"
            ).format(value=profile_url)
        )
    record = _record(store, record_id.strip(), session)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO person_mappings (person_key, sobject, record_id, account_id, name, "
            "mapped_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_key) DO UPDATE SET "
            "sobject = excluded.sobject, record_id = excluded.record_id, "
            "account_id = excluded.account_id, name = excluded.name, "
            "mapped_at = excluded.mapped_at",
            (
                key,
                record.sobject,
                record.id,
                record.account_id,
                record.name,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
    return queue(store, activity_ids_of_person(store, key, "unresolved")).get("queued", 0)
