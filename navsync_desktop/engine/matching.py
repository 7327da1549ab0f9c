"""Which CRM record a LinkedIn person is, from the synced records (no network).

In this order, the first rule that finds anything decides: a mapping made by hand; the
LinkedIn profile URL (the org's profile URL field, or the package's member token); an email
address (one the CRM holds, or one the person wrote in a message); name and company, both
normalised. Contacts come before leads; more than one candidate is ambiguous, which is no
match. The org's Users and the seat holders are colleagues, never counterparts. Companies are
found by LinkedIn company id, then website domain, then name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.store import Store
from navsync_desktop.store.match_keys import (
    company_key,
    name_variants,
    profile_key,
    profile_slug,
    web_domain,
)

_COMPANY_ID = re.compile(r"linkedin\.com/company/(\d+)", re.IGNORECASE)
_SEARCH_LIMIT = 500  # more candidates than this is ambiguous anyway


class Rule(StrEnum):
    MAPPING = "mapping"
    PROFILE_URL = "profile_url"
    MEMBER_TOKEN = "member_token"  # noqa: S105 - a rule's name
    EMAIL = "email"
    NAME_COMPANY = "name_company"
    COMPANY = "company"


class Reason(StrEnum):
    NO_MATCH = "no_match"
    AMBIGUOUS = "ambiguous"
    NO_URL = "no_url"
    COLLEAGUE = "colleague"


REASON_LABELS = {
    Reason.NO_MATCH: QT_TRANSLATE_NOOP("Matching", "No match"),
    Reason.AMBIGUOUS: QT_TRANSLATE_NOOP("Matching", "Ambiguous"),
    Reason.NO_URL: QT_TRANSLATE_NOOP("Matching", "No profile URL"),
    Reason.COLLEAGUE: QT_TRANSLATE_NOOP("Matching", "A colleague (Salesforce user or seat holder)"),
}


@dataclass(frozen=True)
class Person:
    """A LinkedIn person as an activity knows them."""

    profile_url: str | None = None
    name: str | None = None
    company: str | None = None
    emails: tuple[str, ...] = ()
    company_url: str | None = None  # linkedin.com/company/<id>
    website: str | None = None

    @property
    def key(self) -> str | None:
        return profile_key(self.profile_url)


@dataclass(frozen=True)
class Match:
    """A CRM record (``sobject`` Contact, Lead or Account), or why there is none."""

    sobject: str | None = None
    record_id: str | None = None
    account_id: str | None = None
    rule: Rule | None = None
    reason: Reason | None = None
    candidates: tuple[str, ...] = field(default=())

    @property
    def matched(self) -> bool:
        return self.record_id is not None


class Matcher:
    """Matches people against the store's synced records; answers are remembered for the
    matcher's life (one import or one write-back run)."""

    def __init__(self, store: Store) -> None:
        self._db = store.connection
        self._seen: dict[tuple, Match] = {}
        self._seat_keys = {
            row[0] for row in self._db.execute("SELECT profile_key FROM seats") if row[0]
        }
        # few people are mapped by hand: kept in memory, one query instead of one a person
        self._mappings = {
            row["person_key"]: Match(
                row["sobject"], row["record_id"], row["account_id"], Rule.MAPPING
            )
            for row in self._db.execute(
                "SELECT person_key, sobject, record_id, account_id FROM person_mappings"
            )
        }

    def match(self, person: Person) -> Match:
        cache_key = (person.key, person.name, person.company, person.emails, person.website)
        found = self._seen.get(cache_key)
        if found is None:
            found = self._seen[cache_key] = self._match(person)
        return found

    def _match(self, person: Person) -> Match:
        key = person.key
        if key and key in self._mappings:
            return self._mappings[key]
        if self._is_colleague(person):
            return Match(reason=Reason.COLLEAGUE)
        by_profile, by_token = self._by_profile_or_token(person)
        for rule, found in (
            (Rule.PROFILE_URL, lambda: by_profile),
            (Rule.MEMBER_TOKEN, lambda: by_token),
            (Rule.EMAIL, lambda: self._by_email(person)),
            (Rule.NAME_COMPANY, lambda: self._by_name_and_company(person)),
        ):
            decided = self._decide(rule, found())
            if decided is not None:
                return decided
        if not person.name and (person.company or person.company_url or person.website):
            accounts = self.companies(person.company, person.company_url, person.website)
            if len(accounts) == 1:
                return Match("Account", accounts[0], accounts[0], Rule.COMPANY)
            if len(accounts) > 1:
                return Match(reason=Reason.AMBIGUOUS, candidates=tuple(accounts))
        return Match(reason=Reason.NO_MATCH if person.profile_url else Reason.NO_URL)

    @staticmethod
    def _decide(rule: Rule, found: tuple[list, list]) -> Match | None:
        """Contacts first: one is a match, several are ambiguous; then the same for leads."""
        contacts, leads = found
        for sobject, records in (("Contact", contacts), ("Lead", leads)):
            if len(records) == 1:
                record_id, account_id = records[0]
                return Match(sobject, record_id, account_id, rule)
            if len(records) > 1:
                return Match(reason=Reason.AMBIGUOUS, candidates=tuple(r[0] for r in records))
        return None

    def _is_colleague(self, person: Person) -> bool:
        if person.key and person.key in self._seat_keys:
            return True
        if not person.emails:
            return False
        marks = ", ".join("?" for _ in person.emails)
        row = self._db.execute(
            f"SELECT 1 FROM crm_user WHERE email IN ({marks}) LIMIT 1",  # noqa: S608 - placeholders
            person.emails,
        ).fetchone()
        return row is not None

    def _people(self, where: str, params: tuple) -> tuple[list, list]:
        contacts = self._db.execute(
            f"SELECT id, account_id FROM crm_contact WHERE {where} LIMIT {_SEARCH_LIMIT}",  # noqa: S608 - fixed clauses
            params,
        ).fetchall()
        leads = self._db.execute(
            f"SELECT id, NULL FROM crm_lead WHERE ({where}) AND NOT coalesce(is_converted, 0) "  # noqa: S608 - fixed clauses
            f"LIMIT {_SEARCH_LIMIT}",
            params,
        ).fetchall()
        return [tuple(row) for row in contacts], [tuple(row) for row in leads]

    def _by_profile_or_token(self, person: Person) -> tuple[tuple[list, list], tuple[list, list]]:
        """Who has the profile URL, and who the member token it holds: one query per table
        for both rules."""
        key, slug = person.key, profile_slug(person.profile_url)
        if not key:
            return ([], []), ([], [])
        found = []
        for table, account in (("crm_contact", "account_id"), ("crm_lead", "NULL")):
            rows = self._db.execute(
                f"SELECT id, {account}, linkedin_profile_key = ? FROM {table} "  # noqa: S608 - fixed names
                "WHERE (linkedin_profile_key = ? OR linkedin_member_token = ?)"
                + (" AND NOT coalesce(is_converted, 0)" if table == "crm_lead" else "")
                + f" LIMIT {_SEARCH_LIMIT}",
                (key, key, slug),
            ).fetchall()
            found.append(rows)
        profile = tuple([(r[0], r[1]) for r in rows if r[2]] for rows in found)
        token = tuple([(r[0], r[1]) for r in rows if not r[2]] for rows in found)
        return profile, token

    def _by_email(self, person: Person) -> tuple[list, list]:
        if not person.emails:
            return [], []
        marks = ", ".join("?" for _ in person.emails)
        return self._people(f"email IN ({marks})", person.emails)

    def _by_name_and_company(self, person: Person) -> tuple[list, list]:
        """Both are needed: a name alone is too common to decide."""
        names = sorted(name_variants(person.name))
        if not names or not (person.company or person.company_url or person.website):
            return [], []
        marks = ", ".join("?" for _ in names)
        accounts = self.companies(person.company, person.company_url, person.website)
        contacts = []
        if accounts:
            account_marks = ", ".join("?" for _ in accounts)
            contacts = self._db.execute(
                f"SELECT id, account_id FROM crm_contact WHERE name_key IN ({marks}) "  # noqa: S608 - placeholders
                f"AND account_id IN ({account_marks})",
                (*names, *accounts),
            ).fetchall()
        company = company_key(person.company)
        leads = []
        if company:
            leads = self._db.execute(
                f"SELECT id, NULL FROM crm_lead WHERE name_key IN ({marks}) AND company_key = ? "  # noqa: S608 - placeholders
                "AND NOT coalesce(is_converted, 0)",
                (*names, company),
            ).fetchall()
        return [tuple(row) for row in contacts], [tuple(row) for row in leads]

    def companies(
        self, name: str | None, company_url: str | None = None, website: str | None = None
    ) -> list[str]:
        """Account Ids of a company: by LinkedIn company id, else website domain, else name."""
        company_id = _COMPANY_ID.search(company_url or "")
        domain = web_domain(website)
        key = company_key(name)
        for column, value in (
            ("linkedin_company_id", company_id.group(1) if company_id else None),
            ("website_domain", domain),
            ("company_key", key),
        ):
            if value:
                found = self._db.execute(
                    f"SELECT id FROM crm_account WHERE {column} = ? LIMIT {_SEARCH_LIMIT}",  # noqa: S608 - fixed columns
                    (value,),
                ).fetchall()
                if found:
                    return [row[0] for row in found]
        return []
