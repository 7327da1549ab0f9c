"""Deterministic seed data: "Northwind Demo GmbH", a Hamburg B2B wholesaler selling across Europe.

The same scenario and record count always give the same rows (fixed random seed); only the
timestamps move with the seeding day, so "modified in the last months" stays true. Contacts
scale with `records`; accounts ~ records/10, leads ~ records/5, opportunities ~ records/20.
Rows are generated as dicts and inserted with executemany in the caller's transaction; the
store creates indexes afterwards.
"""

from __future__ import annotations

import base64
import random
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from operator import itemgetter

from .derived import derive
from .ids import make_id
from .scenarios import (
    DOMAIN,
    EMAIL_RULE_MESSAGE,
    INTEGRATION_USERNAME,
    PERSONAL_ADMIN_USERNAME,
    VIEW_ONLY_ADMIN_USERNAME,
    Scenario,
)
from .schema import STAGES, TASK_STATUSES, SObjectDef

RANDOM_SEED = 20260131
LID_PACKAGE = ("Sales Navigator for Salesforce", "LID", "Sales Navigator 2026.1", (3, 14, 0))
OTHER_PACKAGES = [
    ("Salesforce Connected Apps", "sf_com_apps", "Winter '16", (1, 7, 0)),
    ("Northwind Pricing Toolkit", "nwpt", "Pricing Toolkit 2.3", (2, 3, 1)),
]

# the program's demo seat holders: (first name, last name, title, department, role number)
SALES_REPS = [
    ("Lena", "Hoffmann", "Account Executive", "Sales DACH", 3),
    ("Jonas", "Becker", "Account Executive", "Sales DACH", 3),
    ("Sophie", "Wagner", "Senior Account Executive", "Sales DACH", 3),
    ("Lukas", "Schulz", "Account Executive", "Sales Nordics", 5),
    ("Marie", "Keller", "Key Account Manager", "Sales DACH", 3),
    ("Felix", "Braun", "Account Executive", "Sales Benelux", 5),
    ("Clara", "Richter", "Business Development Representative", "Sales DACH", 3),
    ("Niklas", "Wolf", "Account Executive", "Sales Nordics", 5),
]
ROLES = [
    "Geschäftsführung",
    "Vertriebsleitung",
    "Sales Manager DACH",
    "Sales Rep DACH",
    "Sales Manager International",
    "Sales Rep International",
]
# (name, API enabled, View All Data, Modify All Data)
PROFILES = [
    ("System Administrator", True, True, True),
    ("Standard User", True, False, False),
    ("Sales Navigator Integration", True, True, True),
    ("Reporting Integration", True, True, False),
    ("Read Only", False, False, False),
]
FIRST_NAMES = [
    "Anna",
    "Ben",
    "Carla",
    "David",
    "Elif",
    "Finn",
    "Greta",
    "Hannes",
    "Ida",
    "Jan",
    "Katrin",
    "Leon",
    "Mia",
    "Noah",
    "Olga",
    "Paul",
    "Quirin",
    "Rosa",
    "Stefan",
    "Tanja",
    "Ulrich",
    "Vera",
    "Wiebke",
    "Xaver",
    "Yvonne",
    "Zoe",
    "Lars",
    "Ingrid",
    "Pieter",
    "Sanne",
    "Mathilde",
    "Henrik",
    "Astrid",
    "Matteo",
    "Chiara",
    "Lucas",
    "Camille",
    "Jakub",
    "Zofia",
    "Aino",
    "Emil",
    "Freya",
    "Jürgen",
    "Sören",
    "Björn",
    "Märta",
    "Renée",
    "Joël",
    "Agnès",
    "Gökhan",
]
LAST_NAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "de Vries",
    "Jansen",
    "van Dijk",
    "Nielsen",
    "Hansen",
    "Andersson",
    "Johansson",
    "Virtanen",
    "Dubois",
    "Rossi",
    "Novák",
    "Kowalski",
    "Eriksen",
    "Lindqvist",
    "Peeters",
    "Maes",
    "Gruber",
    "Huber",
    "Steiner",
    "Moser",
    "Brunner",
]
COMPANY_STEMS = [
    "Brandt",
    "Nordlicht",
    "Elbtal",
    "Hanse",
    "Alpen",
    "Rhein",
    "Spree",
    "Isar",
    "Weser",
    "Havel",
    "Lindgren",
    "Vandenberg",
    "Kessler",
    "Falkner",
    "Sommer",
    "Winter",
    "Adler",
    "Greif",
    "Löwen",
    "Sonnen",
    "Eichen",
    "Birken",
    "Tannen",
    "Stahl",
    "Kupfer",
    "Silber",
    "Bernstein",
    "Kristall",
    "Polar",
    "Delta",
    "Atlas",
    "Orion",
    "Vega",
    "Nova",
    "Helix",
    "Quantum",
    "Ostsee",
    "Nordsee",
    "Baltic",
    "Fjord",
    "Moselle",
    "Danube",
    "Maas",
    "Schelde",
    "Tauern",
    "Jura",
    "Harz",
    "Eifel",
]
SECTORS = [
    ("Logistik", "Transportation"),
    ("Maschinenbau", "Manufacturing"),
    ("Software", "Technology"),
    ("Energie", "Energy"),
    ("Handel", "Retail"),
    ("Chemie", "Chemicals"),
    ("Bau", "Construction"),
    ("Medizintechnik", "Healthcare"),
    ("Consulting", "Consulting"),
    ("Finanz", "Finance"),
    ("Systems", "Technology"),
    ("Foods", "Retail"),
    ("Media", "Media"),
    ("Pharma", "Healthcare"),
    ("Automotive", "Manufacturing"),
    ("Robotics", "Technology"),
    ("Textil", "Manufacturing"),
]
LEGAL_FORMS = ["GmbH", "AG", "GmbH & Co. KG", "SE", "B.V.", "ApS", "AB", "S.A.", "Oy", "s.r.o."]
# (city, postal code, country, phone prefix)
CITIES = [
    ("Hamburg", "20095", "Germany", "+49 40"),
    ("Berlin", "10115", "Germany", "+49 30"),
    ("München", "80331", "Germany", "+49 89"),
    ("Köln", "50667", "Germany", "+49 221"),
    ("Frankfurt am Main", "60311", "Germany", "+49 69"),
    ("Stuttgart", "70173", "Germany", "+49 711"),
    ("Düsseldorf", "40213", "Germany", "+49 211"),
    ("Leipzig", "04109", "Germany", "+49 341"),
    ("Wien", "1010", "Austria", "+43 1"),
    ("Zürich", "8001", "Switzerland", "+41 44"),
    ("Amsterdam", "1012", "Netherlands", "+31 20"),
    ("Rotterdam", "3011", "Netherlands", "+31 10"),
    ("København", "1050", "Denmark", "+45 33"),
    ("Stockholm", "111 20", "Sweden", "+46 8"),
    ("Helsinki", "00100", "Finland", "+358 9"),
    ("Brussel", "1000", "Belgium", "+32 2"),
    ("Praha", "110 00", "Czech Republic", "+420 2"),
    ("Warszawa", "00-001", "Poland", "+48 22"),
]
TITLES = [
    ("Geschäftsführer", "Management"),
    ("Head of Procurement", "Procurement"),
    ("Einkaufsleiterin", "Procurement"),
    ("CTO", "IT"),
    ("IT-Leiter", "IT"),
    ("Head of Operations", "Operations"),
    ("Logistics Manager", "Operations"),
    ("CFO", "Finance"),
    ("Controller", "Finance"),
    ("Marketing Manager", "Marketing"),
    ("Vertriebsleiter", "Sales"),
    ("Projektmanagerin", "Operations"),
    ("Purchasing Agent", "Procurement"),
    ("Head of Supply Chain", "Operations"),
]
LEAD_SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Trade Show", "LinkedIn", "Other"]
ACCOUNT_TYPES = [
    "Prospect",
    "Customer - Direct",
    "Customer - Direct",
    "Customer - Channel",
    "Partner",
]
PRODUCTS = [
    "Rahmenvertrag",
    "Lagerausstattung",
    "Ersatzteilpaket",
    "Wartungsvertrag",
    "Pilotprojekt",
    "Erweiterung",
    "Jahreslizenz",
    "Rollout Phase 2",
]
_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "é": "e",
        "è": "e",
        "ë": "e",
        "á": "a",
        "å": "a",
        "ø": "o",
        "æ": "ae",
        "ç": "c",
        "ł": "l",
        "ó": "o",
        " ": "",
        "'": "",
        ".": "",
    }
)
_DAYS_BACK = 1100
_REP_TITLES = {rep[2] for rep in SALES_REPS} | {"Head of Sales"}  # users who own accounts

ORG_NAME = "Northwind Demo GmbH"


class _FastRandom(random.Random):
    """choice/randint/randrange computed from random() alone: a few times faster than the
    exactly uniform originals (which matters for a million rows), still deterministic."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, stop: int) -> int:  # type: ignore[override]
        return int(self.random() * stop)


@cache
def _ascii(name: str) -> str:
    return name.lower().translate(_TRANSLITERATION)


class _Clock:
    """Datetime text relative to the seeding moment, from precomputed tables (fast for 1M rows)."""

    def __init__(self, now: datetime):
        today = now.date()
        self.days = [(today - timedelta(days=n)).isoformat() for n in range(_DAYS_BACK + 400)]
        self.future = [(today + timedelta(days=n)).isoformat() for n in range(400)]
        self.times = [
            f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)
        ]

    def stamp(self, days_ago: int, second: int) -> str:
        # days_ago >= 1 keeps every seeded timestamp before anything created after seeding
        return f"{self.days[days_ago]}T{self.times[second]}.000+0000"


@dataclass
class _Context:
    rng: _FastRandom
    clock: _Clock
    scenario: Scenario
    integration_user: str
    rep_ids: list[str]

    def system(self, prefix: str, number: int, created_ago: int | None = None) -> dict:
        """Id and the audit fields: created some time ago, last modified in the last ~6 months."""
        rng = self.rng
        created_ago = created_ago if created_ago is not None else rng.randint(30, _DAYS_BACK)
        modified_ago = rng.randint(1, min(created_ago, 180))
        created = self.clock.stamp(created_ago, rng.randrange(86400))
        modified = self.clock.stamp(modified_ago, rng.randrange(86400))
        return {
            "Id": make_id(prefix, number),
            "IsDeleted": 0,
            "CreatedDate": created,
            "CreatedById": self.integration_user,
            "LastModifiedDate": modified,
            "LastModifiedById": self.integration_user,
            "SystemModstamp": modified,
        }


def seed_org(
    conn: sqlite3.Connection,
    schema: dict[str, SObjectDef],
    scenario: Scenario,
    records: int,
    *,
    now: datetime,
) -> dict[str, int]:
    """Insert the whole org; returns the row count per sObject."""
    context = _Context(
        _FastRandom(RANDOM_SEED),
        _Clock(now),
        scenario,
        make_id("005", 1),
        [],
    )
    counts: dict[str, int] = {}

    def insert(sobject: str, rows: Iterable[dict]) -> None:
        counts[sobject] = _insert(conn, schema[sobject], _derived(sobject, rows))

    insert("Organization", [_organization(context)])
    insert("UserRole", _roles(context))
    insert("Profile", _profiles(context))
    insert("PermissionSet", _permission_sets(context))
    users = _users(context)
    insert("User", users)
    insert("PermissionSetAssignment", _assignments(context, users))
    insert("OpportunityStage", _stages(context))
    insert("TaskStatus", _task_statuses(context))
    accounts = _accounts(context, account_count(records))
    person_accounts = _person_accounts(context, len(accounts)) if scenario.person_accounts else []
    insert("Account", accounts + person_accounts)
    account_contacts: list[list[str]] = [[] for _ in accounts]
    insert("Contact", _contacts(context, records, accounts, account_contacts, person_accounts))
    insert("Lead", _leads(context, records // 5))
    opportunities = list(_opportunities(context, max(30, records // 20), accounts))
    insert("Opportunity", opportunities)
    insert("OpportunityContactRole", _contact_roles(context, opportunities, account_contacts))
    insert("Task", _tasks(context, max(20, records // 100), accounts, account_contacts))
    notes = _notes(context, accounts, account_contacts)
    insert("ContentNote", [note for note, _ in notes])
    insert("ContentDocumentLink", _note_links(context, notes))
    _packages(conn, schema, context, counts)
    counts["ValidationRule"] = _insert(conn, schema["ValidationRule"], _validation_rules(context))
    conn.executemany(
        "INSERT OR IGNORE INTO _ids (prefix, next) VALUES (?, ?)",
        [(obj.key_prefix, counts.get(obj.name, 0) + 1) for obj in schema.values()],
    )
    return counts


def account_count(records: int) -> int:
    """Business accounts of an org seeded with ``records`` contacts."""
    return max(20, records // 10)


def person_account_count(accounts: int) -> int:
    """Person accounts (each with its Contact) beside ``accounts`` business accounts."""
    return max(5, accounts // 20)


def _validation_rules(context: _Context) -> list[dict]:
    """What Setup lists: an inactive rule everywhere, and the active Email rule of the
    `email-validation-rule` scenario (the store enforces it on Contact writes)."""
    rules = [
        (
            "Opportunity_Close_Date_In_Future",
            "Opportunity",
            False,
            "Close Date cannot be in the past.",
            "CloseDate",
        ),
    ]
    if context.scenario.contact_email_required:
        rules.append(("Contact_Email_Required", "Contact", True, EMAIL_RULE_MESSAGE, "Email"))
    rules += [
        (rule.name, "Contact", True, rule.message, rule.required_field)
        for rule in context.scenario.contact_rules
    ]
    return [
        {
            **context.system("03d", number, created_ago=300),
            "ValidationName": name,
            "EntityDefinitionId": entity,
            "Active": active,
            "ErrorMessage": message,
            "ErrorDisplayField": field,
        }
        for number, (name, entity, active, message, field) in enumerate(rules, start=1)
    ]


def _derived(sobject: str, rows: Iterable[dict]) -> Iterator[dict]:
    """The rows with the fields Salesforce computes filled in, as on an API write."""
    for row in rows:
        derive(sobject, row)
        yield row


def _insert(conn: sqlite3.Connection, obj: SObjectDef, rows: Iterable[dict]) -> int:
    """executemany over the object's columns; keys the scenario's schema lacks are dropped."""
    names = list(obj.fields)
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    getter = itemgetter(*names)
    count = 0

    def tuples() -> Iterator[tuple]:
        nonlocal count
        for row in rows:
            count += 1
            yield getter(row)

    conn.executemany(f'INSERT INTO "{obj.name}" ({columns}) VALUES ({marks})', tuples())  # noqa: S608 - schema identifiers
    return count


# --- the organization, its users and permissions ---------------------------------------------


def _organization(context: _Context) -> dict:
    scenario = context.scenario
    # A sandbox is an org of its own: another Id, and the name its admins gave the copy.
    number, name = (2, "Northwind Demo GmbH (UAT)") if scenario.is_sandbox else (1, ORG_NAME)
    return {
        **context.system("00D", number, created_ago=_DAYS_BACK),
        "Name": name,
        "OrganizationType": scenario.edition,
        "IsSandbox": int(scenario.is_sandbox),
        "InstanceName": "CS129" if scenario.is_sandbox else "EU44",
        "NamespacePrefix": None,
        "Street": "Am Sandtorkai 41",
        "City": "Hamburg",
        "PostalCode": "20457",
        "Country": "Germany",
        "Phone": "+49 40 5555 0100",
        "LanguageLocaleKey": "de",
        "TimeZoneSidKey": "Europe/Berlin",
        "DefaultLocaleSidKey": "de_DE_EURO",
        "DefaultCurrencyIsoCode": "EUR",
        "TrialExpirationDate": None,
    }


def _roles(context: _Context) -> Iterator[dict]:
    parents = [None, 1, 2, 3, 2, 5]  # CEO -> sales lead -> managers -> reps
    for number, (name, parent) in enumerate(zip(ROLES, parents, strict=True), start=1):
        yield {
            **context.system("00E", number, created_ago=_DAYS_BACK),
            "Name": name,
            "DeveloperName": _ascii(name).replace("-", "_"),
            "ParentRoleId": make_id("00E", parent) if parent else None,
            "RollupDescription": name,
        }


def _profiles(context: _Context) -> Iterator[dict]:
    for number, (name, api, view_all, modify_all) in enumerate(PROFILES, start=1):
        yield {
            **context.system("00e", number, created_ago=_DAYS_BACK),
            "Name": name,
            "UserType": "Standard",
            "Description": None,
            "PermissionsApiEnabled": int(api),
            "PermissionsViewAllData": int(view_all),
            "PermissionsModifyAllData": int(modify_all),
        }


def _permission_sets(context: _Context) -> Iterator[dict]:
    """One profile-owned permission set per profile (as Salesforce keeps them), plus one more."""
    for number, (_, api, view_all, modify_all) in enumerate(PROFILES, start=1):
        profile_id = make_id("00e", number)
        yield {
            **context.system("0PS", number, created_ago=_DAYS_BACK),
            "Name": "X" + profile_id[:15],
            "Label": profile_id[:15],
            "IsOwnedByProfile": 1,
            "ProfileId": profile_id,
            "PermissionsApiEnabled": int(api),
            "PermissionsViewAllData": int(view_all),
            "PermissionsModifyAllData": int(modify_all),
        }
    yield {
        **context.system("0PS", len(PROFILES) + 1, created_ago=400),
        "Name": "Sales_Navigator_Integration",
        "Label": "Sales Navigator Integration",
        "IsOwnedByProfile": 0,
        "ProfileId": None,
        "PermissionsApiEnabled": 1,
        "PermissionsViewAllData": 0,
        "PermissionsModifyAllData": 0,
    }


def _users(context: _Context) -> list[dict]:
    """Integration users first (Id 1 is the integration user), then admins, reps, leavers."""
    people = [
        # (first, last, username, title, department, role, profile, active)
        ("", "Integration User", INTEGRATION_USERNAME, "Integration", "IT", None, 3, True),
        (
            "Reporting",
            "Integration",
            VIEW_ONLY_ADMIN_USERNAME,
            "Reporting Integration",
            "IT",
            None,
            4,
            True,
        ),
        ("Dana", "Fischer", PERSONAL_ADMIN_USERNAME, "Salesforce Administrator", "IT", 1, 1, True),
        ("Thomas", "Krüger", f"thomas.krueger@{DOMAIN}", "Head of Sales", "Sales", 2, 2, True),
    ]
    people += [
        (
            first,
            last,
            f"{_ascii(first)}.{_ascii(last)}@{DOMAIN}",
            title,
            department,
            role + 1,
            2,
            True,
        )
        for first, last, title, department, role in SALES_REPS
    ]
    people += [
        (
            "Martin",
            "Vogel",
            f"martin.vogel@{DOMAIN}",
            "Account Executive",
            "Sales DACH",
            4,
            2,
            False,
        ),
        ("Petra", "Lange", f"petra.lange@{DOMAIN}", "Sales Manager", "Sales DACH", 3, 2, False),
    ]
    users = [_user(context, number, person) for number, person in enumerate(people, start=1)]
    context.rep_ids.extend(user["Id"] for user in users if user["Title"] in _REP_TITLES)
    return users


def _user(context: _Context, number: int, person: tuple) -> dict:
    first, last, username, title, department, role, profile, active = person
    suffix = ".uat" if context.scenario.is_sandbox else ""  # sandbox copies rename usernames
    return {
        **context.system("005", number, created_ago=_DAYS_BACK - number),
        "Username": username + suffix,
        "FirstName": first or None,
        "LastName": last,
        "Name": f"{first} {last}".strip(),
        "Email": username,
        "Alias": (_ascii(first)[:1] + _ascii(last))[:8],
        "IsActive": int(active),
        "ProfileId": make_id("00e", profile),
        "UserRoleId": make_id("00E", role) if role else None,
        "ManagerId": None,
        "Title": title,
        "Department": department,
        "CompanyName": ORG_NAME,
        "UserType": "Standard",
        "TimeZoneSidKey": "Europe/Berlin",
        "LocaleSidKey": "de_DE_EURO",
        "LanguageLocaleKey": "de",
        "EmailEncodingKey": "UTF-8",
        "LastLoginDate": context.clock.stamp(number, 30_000 + number * 600) if active else None,
    }


def _assignments(context: _Context, users: list[dict]) -> Iterator[dict]:
    number = 0
    profile_numbers = {make_id("00e", n): n for n in range(1, len(PROFILES) + 1)}
    for user in users:
        permission_sets = [make_id("0PS", profile_numbers[user["ProfileId"]])]
        if user["Username"].startswith(INTEGRATION_USERNAME):
            permission_sets.append(make_id("0PS", len(PROFILES) + 1))
        for permission_set in permission_sets:
            number += 1
            yield {
                **context.system("0Pa", number, created_ago=400),
                "AssigneeId": user["Id"],
                "PermissionSetId": permission_set,
            }


def _stages(context: _Context) -> Iterator[dict]:
    for number, (name, probability, forecast, closed, won) in enumerate(STAGES, start=1):
        yield {
            **context.system("01J", number, created_ago=_DAYS_BACK),
            "MasterLabel": name,
            "ApiName": name,
            "IsActive": 1,
            "IsClosed": int(closed),
            "IsWon": int(won),
            "DefaultProbability": float(probability),
            "ForecastCategoryName": forecast,
            "SortOrder": number,
            "Description": None,
        }


def _task_statuses(context: _Context) -> Iterator[dict]:
    for number, (name, closed) in enumerate(TASK_STATUSES, start=len(STAGES) + 1):
        yield {
            **context.system("01J", number, created_ago=_DAYS_BACK),
            "MasterLabel": name,
            "ApiName": name,
            "IsClosed": int(closed),
            "IsDefault": int(name == TASK_STATUSES[0][0]),
            "SortOrder": number - len(STAGES),
        }


# --- accounts, contacts, leads ----------------------------------------------------------------


def _accounts(context: _Context, count: int) -> list[dict]:
    rng, domains, accounts = context.rng, set(), []
    for number in range(1, count + 1):
        stem, (sector, industry) = rng.choice(COMPANY_STEMS), rng.choice(SECTORS)
        city, postal, country, phone = rng.choice(CITIES)
        slug = f"{_ascii(stem)}-{_ascii(sector)}"
        domain = f"{slug}.example" if slug not in domains else f"{slug}-{number}.example"
        domains.add(slug)
        employees = rng.choice((12, 45, 80, 150, 320, 750, 1800, 4200, 12000))
        accounts.append(
            {
                **context.system("001", number),
                "Name": f"{stem} {sector} {rng.choice(LEGAL_FORMS)}",
                "Type": rng.choice(ACCOUNT_TYPES),
                "Industry": industry,
                "Website": f"https://www.{domain}",
                "Phone": f"{phone} {rng.randint(100000, 9999999)}",
                "BillingStreet": f"{rng.choice(COMPANY_STEMS)}straße {rng.randint(1, 180)}",
                "BillingCity": city,
                "BillingPostalCode": postal,
                "BillingCountry": country,
                "NumberOfEmployees": employees,
                "AnnualRevenue": float(employees * rng.randint(90, 400) * 1000),
                "Description": None,
                "ParentId": None,
                "OwnerId": rng.choice(context.rep_ids),
                "IsPersonAccount": 0,
                "PersonEmail": None,
                "LID__LinkedIn_Company_Id__c": str(rng.randint(10_000, 99_999_999))
                if rng.random() < 0.8
                else None,
                "_domain": domain,  # for contact emails; not a column
            }
        )
    return accounts


def _person_accounts(context: _Context, first_number: int) -> list[dict]:
    """Consumers with person accounts: each is an Account and a Contact in Salesforce."""
    rng, accounts = context.rng, []
    for offset in range(person_account_count(first_number)):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        city, postal, country, phone = rng.choice(CITIES)
        accounts.append(
            {
                **context.system("001", first_number + offset + 1),
                "Name": f"{first} {last}",
                "Type": None,
                "Industry": None,
                "Website": None,
                "Phone": f"{phone} {rng.randint(100000, 9999999)}",
                "BillingStreet": None,
                "BillingCity": city,
                "BillingPostalCode": postal,
                "BillingCountry": country,
                "NumberOfEmployees": None,
                "AnnualRevenue": None,
                "Description": None,
                "ParentId": None,
                "OwnerId": rng.choice(context.rep_ids),
                "IsPersonAccount": 1,
                "PersonEmail": f"{_ascii(first)}.{_ascii(last)}@mail.example",
                "LID__LinkedIn_Company_Id__c": None,
                "_first": first,
                "_last": last,
            }
        )
    return accounts


def _person(context: _Context) -> tuple[str, str, str, str]:
    """A random person: first name, last name, and the lower-case ASCII forms for emails/URLs."""
    first, last = context.rng.choice(FIRST_NAMES), context.rng.choice(LAST_NAMES)
    return first, last, _ascii(first), _ascii(last)


def _linkedin(
    context: _Context, ascii_first: str, ascii_last: str
) -> tuple[str | None, str | None]:
    """A profile URL on most people, a member token (the package's field) on most of those."""
    rng = context.rng
    if rng.random() >= 0.75:
        return None, None
    url = f"https://www.linkedin.com/in/{ascii_first}-{ascii_last}-{rng.getrandbits(24):06x}"
    token = f"ACoAA{rng.getrandbits(128):032x}"[:39] if rng.random() < 0.9 else None
    return url, token


def _contacts(
    context: _Context,
    count: int,
    accounts: list[dict],
    account_contacts: list[list[str]],
    person_accounts: list[dict],
) -> Iterator[dict]:
    rng = context.rng
    for number in range(1, count + 1):
        account_index = rng.randrange(len(accounts))
        account = accounts[account_index]
        first, last, ascii_first, ascii_last = _person(context)
        title, department = rng.choice(TITLES)
        url, token = _linkedin(context, ascii_first, ascii_last)
        email = f"{ascii_first}.{ascii_last}@{account['_domain']}" if rng.random() < 0.97 else None
        contact = {
            **context.system("003", number),
            "Salutation": None,
            "FirstName": first,
            "LastName": last,
            "AccountId": account["Id"],
            "Email": email,
            "Phone": f"{account['Phone'].rsplit(' ', 1)[0]} {rng.randint(100000, 9999999)}",
            "MobilePhone": None,
            "Title": title,
            "Department": department,
            "MailingCity": account["BillingCity"],
            "MailingCountry": account["BillingCountry"],
            "LeadSource": rng.choice(LEAD_SOURCES),
            "Description": None,
            "OwnerId": account["OwnerId"],
            "LinkedIn_Profile_URL__c": url,
            "LID__LinkedIn_Member_Token__c": token,
            "IsPersonAccount": 0,
        }
        account_contacts[account_index].append(contact["Id"])
        yield contact
    for offset, account in enumerate(person_accounts, start=count + 1):
        yield {
            **context.system("003", offset),
            "Salutation": None,
            "FirstName": account["_first"],
            "LastName": account["_last"],
            "AccountId": account["Id"],
            "Email": account["PersonEmail"],
            "Phone": account["Phone"],
            "MobilePhone": None,
            "Title": None,
            "Department": None,
            "MailingCity": account["BillingCity"],
            "MailingCountry": account["BillingCountry"],
            "LeadSource": "Web",
            "Description": None,
            "OwnerId": account["OwnerId"],
            "LinkedIn_Profile_URL__c": None,
            "LID__LinkedIn_Member_Token__c": None,
            "IsPersonAccount": 1,
        }


def _leads(context: _Context, count: int) -> Iterator[dict]:
    rng = context.rng
    statuses = [
        "Open - Not Contacted",
        "Working - Contacted",
        "Working - Contacted",
        "Closed - Not Converted",
    ]
    for number in range(1, count + 1):
        first, last, ascii_first, ascii_last = _person(context)
        stem, (sector, industry) = rng.choice(COMPANY_STEMS), rng.choice(SECTORS)
        city, _, country, phone = rng.choice(CITIES)
        url, token = _linkedin(context, ascii_first, ascii_last)
        yield {
            **context.system("00Q", number),
            "FirstName": first,
            "LastName": last,
            "Company": f"{stem} {sector} {rng.choice(LEGAL_FORMS)}",
            "Email": f"{ascii_first}.{ascii_last}@{_ascii(stem)}-{_ascii(sector)}.example",
            "Phone": f"{phone} {rng.randint(100000, 9999999)}",
            "Title": rng.choice(TITLES)[0],
            "Status": rng.choice(statuses),
            "LeadSource": rng.choice(LEAD_SOURCES),
            "Industry": industry,
            "City": city,
            "Country": country,
            "IsConverted": 0,
            "OwnerId": rng.choice(context.rep_ids),
            "LinkedIn_Profile_URL__c": url,
            "LID__LinkedIn_Member_Token__c": token,
        }


# --- opportunities and activities -------------------------------------------------------------


def _opportunities(context: _Context, count: int, accounts: list[dict]) -> Iterator[dict]:
    """Every stage is used (stage = number modulo the stage count); closed ones lie in the past."""
    rng, clock = context.rng, context.clock
    for number in range(1, count + 1):
        account_index = rng.randrange(len(accounts))
        account = accounts[account_index]
        name, probability, _, closed, won = STAGES[number % len(STAGES)]
        amount = float(rng.randint(8, 480) * 500)
        close_date = (
            clock.days[rng.randint(1, 360)] if closed else clock.future[rng.randint(5, 300)]
        )
        yield {
            **context.system("006", number),
            "Name": f"{account['Name']} – {rng.choice(PRODUCTS)}",
            "AccountId": account["Id"],
            "StageName": name,
            "Amount": amount,
            "Probability": float(probability),
            "Contract_Value_Net__c": round(amount * 0.84, 2) if won else None,
            "CloseDate": close_date,
            "Type": rng.choice(("New Business", "Existing Business", "Renewal")),
            "LeadSource": rng.choice(LEAD_SOURCES),
            "NextStep": None,
            "Description": None,
            "OwnerId": account["OwnerId"],
            "_account_index": account_index,  # for contact roles; not a column
        }


def _contact_roles(
    context: _Context, opportunities: list[dict], account_contacts: list[list[str]]
) -> Iterator[dict]:
    rng, number = context.rng, 0
    for opportunity in opportunities:
        contacts = account_contacts[opportunity["_account_index"]]
        for position, contact_id in enumerate(contacts[: rng.randint(1, 2)]):
            number += 1
            yield {
                **context.system("00K", number),
                "OpportunityId": opportunity["Id"],
                "ContactId": contact_id,
                "Role": rng.choice(
                    (
                        "Decision Maker",
                        "Economic Buyer",
                        "Evaluator",
                        "Technical Buyer",
                        "Influencer",
                    )
                ),
                "IsPrimary": int(position == 0),
            }


def _tasks(
    context: _Context, count: int, accounts: list[dict], account_contacts: list[list[str]]
) -> Iterator[dict]:
    """Past activities: calls, emails and LinkedIn messages, some logged by the package."""
    rng, clock = context.rng, context.clock
    kinds = [
        ("Call", "Call", "Call"),
        ("Email", "Email", "Email"),
        ("LinkedIn", "LinkedIn InMail", None),
        ("Task", "Follow-up", None),
    ]
    number = 0
    while number < count:
        account_index = rng.randrange(len(accounts))
        if not account_contacts[account_index]:
            continue
        number += 1
        subtype, subject, task_type = rng.choice(kinds)
        days_ago = rng.randint(1, 200)
        is_linkedin = subtype == "LinkedIn"
        yield {
            **context.system("00T", number, created_ago=days_ago),
            "Subject": f"{subject}: {accounts[account_index]['Name']}",
            "Status": "Completed" if rng.random() < 0.85 else "Not Started",
            "Priority": "Normal",
            "ActivityDate": clock.days[days_ago],
            "Description": None,
            "WhoId": rng.choice(account_contacts[account_index]),
            "WhatId": accounts[account_index]["Id"],
            "OwnerId": accounts[account_index]["OwnerId"],
            "TaskSubtype": subtype,
            "Type": task_type,
            "LID__Date_Sent__c": clock.stamp(days_ago, 36_000 + number) if is_linkedin else None,
            "LID__URL__c": f"https://www.linkedin.com/sales/inbox/{number:08d}"
            if is_linkedin
            else None,
        }


NOTE_TEXTS = [
    "Rückruf vereinbart: Budget für Q3 wird im Einkaufskomitee entschieden.",
    "Interesse an Rahmenvertrag; Entscheider ist die Geschäftsführung.",
    "Met at LogiMAT Stuttgart, wants a pilot for two warehouses.",
    "Wettbewerber ist bereits im Haus, Vertrag läuft bis Jahresende.",
    "Asked for references in the Nordics; sent two case studies.",
    "Technische Abnahme erfolgreich, Bestellung folgt nächste Woche.",
]


def _notes(
    context: _Context, accounts: list[dict], account_contacts: list[list[str]]
) -> list[tuple[dict, str]]:
    """A few notes, each with the record it is attached to."""
    rng, notes = context.rng, []
    for number in range(1, 13):
        account_index = rng.randrange(len(accounts))
        contacts = account_contacts[account_index]
        parent = rng.choice(contacts) if contacts and number % 3 else accounts[account_index]["Id"]
        text = NOTE_TEXTS[number % len(NOTE_TEXTS)]
        note = {
            **context.system("069", number, created_ago=rng.randint(2, 300)),
            "Title": text.split(":")[0][:60].split(",")[0],
            "Content": base64.b64encode(text.encode()).decode(),
            "OwnerId": accounts[account_index]["OwnerId"],
        }
        notes.append((note, parent))
    return notes


def _note_links(context: _Context, notes: list[tuple[dict, str]]) -> Iterator[dict]:
    for number, (note, parent) in enumerate(notes, start=1):
        yield {
            **context.system("06A", number, created_ago=2),
            "ContentDocumentId": note["Id"],
            "LinkedEntityId": parent,
            "ShareType": "V",
            "Visibility": "AllUsers",
        }


def _packages(
    conn: sqlite3.Connection,
    schema: dict[str, SObjectDef],
    context: _Context,
    counts: dict[str, int],
) -> None:
    """Installed packages (tooling API); the LinkedIn one only when the scenario has it."""
    packages = ([LID_PACKAGE] if context.scenario.package_installed else []) + OTHER_PACKAGES
    subscriber, versions, installed = [], [], []
    for number, (name, namespace, version_name, version) in enumerate(packages, start=1):
        package_id, version_id = make_id("033", number), make_id("04t", number)
        major, minor, patch = version
        subscriber.append(
            {
                **context.system("033", number, created_ago=500),
                "Name": name,
                "NamespacePrefix": namespace,
                "Description": None,
            }
        )
        versions.append(
            {
                **context.system("04t", number, created_ago=500),
                "Name": version_name,
                "SubscriberPackageId": package_id,
                "MajorVersion": major,
                "MinorVersion": minor,
                "PatchVersion": patch,
                "BuildNumber": 1,
            }
        )
        installed.append(
            {
                **context.system("0A3", number, created_ago=400),
                "SubscriberPackageId": package_id,
                "SubscriberPackageVersionId": version_id,
            }
        )
    counts["SubscriberPackage"] = _insert(conn, schema["SubscriberPackage"], subscriber)
    counts["SubscriberPackageVersion"] = _insert(conn, schema["SubscriberPackageVersion"], versions)
    counts["InstalledSubscriberPackage"] = _insert(
        conn, schema["InstalledSubscriberPackage"], installed
    )
