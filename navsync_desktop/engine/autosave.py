"""Auto-save: the two lists Sales Navigator keeps for each synced seat holder.

"My CRM Accounts": the accounts of the seat holder's open opportunities at or past the pipeline
stage (all open ones when the admin is not sure), plus the accounts they own.
"My CRM Leads and Contacts": the contacts on those opportunities (contact roles) and on those
accounts, plus the open leads they own.

A seat holder counts when they are synced (every seat when auto sync all is on, else their
own switch) and their email matches a Salesforce User (an active one first). Recomputed in
one transaction after every successful sync and whenever seats or settings change.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from navsync_desktop.engine import crm_settings
from navsync_desktop.store import Store
from navsync_desktop.store.seats import Seat, all_seats

log = logging.getLogger(__name__)

ACCOUNTS = "accounts"
LEADS_AND_CONTACTS = "leads_contacts"

# seat -> the User it maps to, for the seats that are synced
_SEAT_USERS = """
CREATE TEMP TABLE autosave_seat_user AS
SELECT seat.id AS seat_id,
       (SELECT candidate.id FROM crm_user AS candidate WHERE candidate.email = seat.email
        ORDER BY candidate.is_active DESC, candidate.id LIMIT 1) AS user_id
FROM seats AS seat
WHERE :all_seats OR seat.sync
"""
# their open opportunities in the pipeline (:min_order NULL: every open one)
_PIPELINE = """
CREATE TEMP TABLE autosave_pipeline AS
SELECT seat_user.seat_id, opportunity.id AS opportunity_id, opportunity.account_id
FROM autosave_seat_user AS seat_user
JOIN crm_opportunity AS opportunity
  ON opportunity.owner_id = seat_user.user_id AND opportunity.is_closed = 0
LEFT JOIN crm_opportunity_stage AS stage ON stage.api_name = opportunity.stage_name
WHERE :min_order IS NULL OR stage.sort_order >= :min_order
"""
_ACCOUNTS = """
INSERT OR IGNORE INTO saved_list_entries (seat_id, list, sobject, record_id)
SELECT pipeline.seat_id, 'accounts', 'Account', account.id
FROM autosave_pipeline AS pipeline JOIN crm_account AS account ON account.id = pipeline.account_id
UNION
SELECT seat_user.seat_id, 'accounts', 'Account', account.id
FROM autosave_seat_user AS seat_user
JOIN crm_account AS account ON account.owner_id = seat_user.user_id
"""
# CROSS JOIN: the seat holders' opportunities drive the loop (SQLite, knowing no table sizes,
# would otherwise go through every contact role)
_LEADS_AND_CONTACTS = """
INSERT OR IGNORE INTO saved_list_entries (seat_id, list, sobject, record_id)
SELECT pipeline.seat_id, 'leads_contacts', 'Contact', contact.id
FROM autosave_pipeline AS pipeline
CROSS JOIN crm_opportunity_contact_role AS role ON role.opportunity_id = pipeline.opportunity_id
JOIN crm_contact AS contact ON contact.id = role.contact_id
UNION
SELECT entry.seat_id, 'leads_contacts', 'Contact', contact.id
FROM saved_list_entries AS entry JOIN crm_contact AS contact ON contact.account_id = entry.record_id
WHERE entry.list = 'accounts'
UNION
SELECT seat_user.seat_id, 'leads_contacts', 'Lead', lead.id
FROM autosave_seat_user AS seat_user
JOIN crm_lead AS lead
  ON lead.owner_id = seat_user.user_id AND COALESCE(lead.is_converted, 0) = 0
"""


def recompute(store: Store) -> int:
    """Rebuild every seat holder's lists; returns how many entries they hold in all."""
    parameters = {
        "all_seats": int(crm_settings.auto_sync_all_seats(store)),
        "min_order": _pipeline_sort_order(store),
    }
    with store.transaction() as db:
        db.execute("DELETE FROM saved_list_entries")
        try:
            db.execute(_SEAT_USERS, parameters)
            db.execute(_PIPELINE, parameters)
            db.execute(_ACCOUNTS)
            db.execute(_LEADS_AND_CONTACTS)
        finally:
            _drop_work_tables(db)
        return db.execute("SELECT count(*) FROM saved_list_entries").fetchone()[0]


def _pipeline_sort_order(store: Store) -> int | None:
    """The chosen stage's place in the org's order; None (every open opportunity) when the
    admin is not sure, or when the chosen stage is gone from the org."""
    chosen = crm_settings.pipeline_stage(store)
    if chosen == crm_settings.NOT_SURE:
        return None
    row = store.connection.execute(
        "SELECT sort_order FROM crm_opportunity_stage WHERE api_name = ?", (chosen,)
    ).fetchone()
    if row is None:
        log.warning("pipeline stage %r is not among the org's stages: using every open one", chosen)
        return None
    return row[0]


def _drop_work_tables(db: sqlite3.Connection) -> None:
    db.execute("DROP TABLE IF EXISTS temp.autosave_seat_user")
    db.execute("DROP TABLE IF EXISTS temp.autosave_pipeline")


@dataclass(frozen=True)
class SavedRecord:
    sobject: str  # Account, Contact or Lead
    id: str
    name: str | None
    detail: str | None  # the account's website; the person's title and company


@dataclass(frozen=True)
class SavedLists:
    seat: Seat
    accounts: list[SavedRecord]
    leads_and_contacts: list[SavedRecord]

    def to_json(self) -> dict:
        def records(items: list[SavedRecord]) -> list[dict]:
            return [
                {"sobject": r.sobject, "id": r.id, "name": r.name, "detail": r.detail}
                for r in items
            ]

        return {
            "email": self.seat.email,
            "name": self.seat.name,
            "accounts": records(self.accounts),
            "leads_and_contacts": records(self.leads_and_contacts),
        }


_SAVED = """
SELECT entry.list, entry.sobject, entry.record_id,
       COALESCE(account.name, trim(COALESCE(contact.first_name, '') || ' ' || contact.last_name),
                trim(COALESCE(lead.first_name, '') || ' ' || lead.last_name)) AS name,
       COALESCE(account.website, contact.title, lead.company) AS detail
FROM saved_list_entries AS entry
LEFT JOIN crm_account AS account ON entry.sobject = 'Account' AND account.id = entry.record_id
LEFT JOIN crm_contact AS contact ON entry.sobject = 'Contact' AND contact.id = entry.record_id
LEFT JOIN crm_lead AS lead ON entry.sobject = 'Lead' AND lead.id = entry.record_id
WHERE entry.seat_id = ?
ORDER BY entry.list, name, entry.record_id
"""


def saved_lists(store: Store, email: str | None = None) -> list[SavedLists]:
    """Each seat holder's two lists (one seat holder's, with ``email``)."""
    result = []
    for seat in all_seats(store):
        if email is not None and seat.email.lower() != email.strip().lower():
            continue
        lists: dict[str, list[SavedRecord]] = {ACCOUNTS: [], LEADS_AND_CONTACTS: []}
        for row in store.connection.execute(_SAVED, (seat.id,)):
            lists[row["list"]].append(
                SavedRecord(row["sobject"], row["record_id"], row["name"], row["detail"])
            )
        result.append(SavedLists(seat, lists[ACCOUNTS], lists[LEADS_AND_CONTACTS]))
    return result
