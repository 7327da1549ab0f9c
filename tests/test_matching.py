"""Matching a LinkedIn person to a CRM record, rule by rule, on a real store whose synced
tables are filled the way the sync fills them (keys from store.match_keys)."""

from __future__ import annotations

import pytest

from navsync_desktop.engine import seats
from navsync_desktop.engine.matching import Matcher, Person, Reason, Rule
from navsync_desktop.store.match_keys import company_key, name_key, profile_key, web_domain

STAMP = "2026-01-01T00:00:00.000+0000"


def account(store, record_id, name, website=None, company_id=None):
    store.connection.execute(
        "INSERT INTO crm_account (id, name, company_key, website, website_domain, "
        "linkedin_company_id, system_modstamp) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record_id, name, company_key(name), website, web_domain(website), company_id, STAMP),
    )


def contact(store, record_id, first, last, *, account_id=None, email=None, url=None, token=None):
    store.connection.execute(
        "INSERT INTO crm_contact (id, account_id, first_name, last_name, name_key, email, "
        "linkedin_profile_url, linkedin_profile_key, linkedin_member_token, system_modstamp) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record_id,
            account_id,
            first,
            last,
            name_key(first, last),
            email,
            url,
            profile_key(url),
            token,
            STAMP,
        ),
    )


def lead(store, record_id, first, last, company, *, email=None, url=None, converted=False):
    store.connection.execute(
        "INSERT INTO crm_lead (id, company, company_key, is_converted, first_name, last_name, "
        "name_key, email, linkedin_profile_url, linkedin_profile_key, system_modstamp) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record_id,
            company,
            company_key(company),
            int(converted),
            first,
            last,
            name_key(first, last),
            email,
            url,
            profile_key(url),
            STAMP,
        ),
    )


@pytest.fixture
def crm(store):
    account(
        store, "001A", "Nordlicht Logistik GmbH & Co. KG", "https://www.nordlicht.example", "4242"
    )
    account(store, "001B", "Bergmann AG", "https://bergmann.example")
    contact(
        store,
        "003A",
        "Jürgen",
        "Müller",
        account_id="001A",
        email="jm@nordlicht.example",
        url="https://www.linkedin.com/in/juergen-mueller/",
    )
    contact(store, "003B", "Anna", "Schmidt", account_id="001B", token="ACoAAB12Xy")
    contact(store, "003C", "Anna", "Schmidt", account_id="001A")
    contact(store, "003D", "Anna", "Schmidt", account_id="001A")
    lead(
        store,
        "00QA",
        "Jürgen",
        "Müller",
        "Other Corp",
        url="https://www.linkedin.com/in/juergen-mueller",
    )
    lead(store, "00QB", "Tom", "Lead", "Lead Werke GmbH", email="tom@lead.example")
    lead(store, "00QC", "Old", "Lead", "Gone Inc.", email="old@gone.example", converted=True)
    store.connection.execute(
        "INSERT INTO crm_user (id, name, email, is_active, system_modstamp) "
        "VALUES ('005A', 'Lena Hoffmann', 'lena@northwind.example', 1, ?)",
        (STAMP,),
    )
    return Matcher(store)


def test_profile_url_in_any_spelling_contacts_before_leads(crm):
    found = crm.match(Person("http://de.linkedin.com/in/Juergen-Mueller?trk=x"))
    assert (found.sobject, found.record_id, found.account_id, found.rule) == (
        "Contact",
        "003A",
        "001A",
        Rule.PROFILE_URL,
    )


def test_the_packages_member_token_in_a_profile_url(crm):
    found = crm.match(Person("https://www.linkedin.com/in/ACoAAB12Xy/"))
    assert (found.record_id, found.rule) == ("003B", Rule.MEMBER_TOKEN)


def test_email_from_the_crm_or_written_in_a_message(crm):
    found = crm.match(Person("https://www.linkedin.com/in/unknown", emails=("tom@lead.example",)))
    assert (found.sobject, found.record_id, found.account_id, found.rule) == (
        "Lead",
        "00QB",
        None,
        Rule.EMAIL,
    )
    assert crm.match(Person(None, emails=("old@gone.example",))).reason is Reason.NO_URL


def test_name_and_company_with_umlauts_transliterations_and_legal_forms(crm):
    for name in ("Jürgen Müller", "Juergen Mueller", "JÜRGEN MÜLLER"):
        found = crm.match(Person(None, name, "Nordlicht Logistik"))
        assert (found.record_id, found.rule) == ("003A", Rule.NAME_COMPANY), name
    found = crm.match(Person(None, "Tom Lead", "Lead Werke AG"))
    assert (found.record_id, found.rule) == ("00QB", Rule.NAME_COMPANY)
    by_domain = crm.match(Person(None, "Juergen Mueller", website="http://nordlicht.example/x"))
    assert by_domain.record_id == "003A"
    assert crm.match(Person(None, "Jürgen Müller")).reason is Reason.NO_URL, (
        "a name alone is not enough"
    )


def test_more_than_one_candidate_is_ambiguous(crm):
    found = crm.match(
        Person("https://www.linkedin.com/in/anna", "Anna Schmidt", "Nordlicht Logistik GmbH")
    )
    assert not found.matched and found.reason is Reason.AMBIGUOUS
    assert set(found.candidates) == {"003C", "003D"}


def test_companies_by_linkedin_company_id_then_domain_then_name(crm):
    assert crm.companies("Other name", "https://www.linkedin.com/company/4242/") == ["001A"]
    assert crm.companies("Other name", None, "https://www.bergmann.example") == ["001B"]
    assert crm.companies("BERGMANN Aktiengesellschaft AG") == []
    assert crm.companies("Bergmann") == ["001B"]
    company_only = crm.match(Person(None, None, "Bergmann AG"))
    assert (company_only.sobject, company_only.record_id) == ("Account", "001B")


def test_colleagues_are_not_counterparts(store, crm):
    assert (
        crm.match(Person(None, "Lena", emails=("LENA@northwind.example",))).reason
        is Reason.COLLEAGUE
    )
    seats.add_seat(
        store, email="rep@x.example", name="Rep", profile_url="https://www.linkedin.com/in/the-rep"
    )
    assert (
        Matcher(store).match(Person("https://linkedin.com/in/The-Rep/")).reason is Reason.COLLEAGUE
    )


def test_a_mapping_wins_over_everything(store, crm):
    store.connection.execute(
        "INSERT INTO person_mappings (person_key, sobject, record_id, account_id, mapped_at) "
        "VALUES (?, 'Lead', '00QB', NULL, ?)",
        (profile_key("https://www.linkedin.com/in/juergen-mueller"), STAMP),
    )
    found = Matcher(store).match(Person("https://www.linkedin.com/in/juergen-mueller"))
    assert (found.record_id, found.rule) == ("00QB", Rule.MAPPING)


def test_no_match_with_a_url_and_no_url_without(crm):
    assert crm.match(Person("https://www.linkedin.com/in/nobody")).reason is Reason.NO_MATCH
    assert crm.match(Person(None, "LinkedIn Member")).reason is Reason.NO_URL


def test_linkedin_lookups_are_index_seeks_though_the_indexes_leave_empty_values_out(store, crm):
    # the LinkedIn indexes are partial (most records have no LinkedIn data); SQLite uses such
    # an index only where it sees the value cannot be NULL: the matcher's own queries, traced
    # as they run, are checked here
    db = store.connection
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        crm.match(Person("https://www.linkedin.com/in/ACoAAB12Xy/"))
        crm.companies("Other name", "https://www.linkedin.com/company/4242/")
    finally:
        db.set_trace_callback(None)
    linkedin = [sql for sql in statements if "linkedin_" in sql and sql.startswith("SELECT")]
    assert len(linkedin) == 3  # contacts, leads, accounts
    for sql in linkedin:
        plan = " / ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN" not in plan, (sql, plan)
    partial = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%IS NOT NULL'"
    ).fetchall()
    assert {row[0].removesuffix("__b") for row in partial} >= {
        "crm_contact_profile_key",
        "crm_contact_member_token",
        "crm_lead_profile_key",
        "crm_lead_member_token",
        "crm_account_linkedin_company",
    }
