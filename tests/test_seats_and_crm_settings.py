"""CRM settings (choices from the org), seat holders (by hand, CSV import, mapping to Users)
and the two auto-saved lists, checked against the org read through its REST API."""

from __future__ import annotations

import pytest
from sync_support import QUICK, connected, demo_org_server, org_records

from navsync_desktop.engine import autosave, crm_settings, seats, settings_catalog
from navsync_desktop.engine.crm_settings import NOT_SURE
from navsync_desktop.engine.seats import SeatError
from navsync_desktop.engine.settings_catalog import SettingError
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.store import seats as stored_seats
from navsync_desktop.store import settings

REP = "lena.hoffmann@northwind-demo.example"
OPEN_STAGES = [
    "Prospecting",
    "Qualification",
    "Needs Analysis",
    "Value Proposition",
    "Id. Decision Makers",
    "Perception Analysis",
    "Proposal/Price Quote",
    "Negotiation/Review",
]


@pytest.fixture
def synced(store):
    """A store synced from the default demo org; yields the connection."""
    with demo_org_server() as org, connected(store, org) as connection:
        assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
        yield connection


# CRM settings


def test_choices_come_from_the_org_before_and_after_the_first_sync(store):
    with demo_org_server() as org, connected(store, org) as connection:
        assert not crm_settings.synced_choices(store).known
        before = crm_settings.choices(store, connection.open_session)
        assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    after = crm_settings.choices(store)

    assert [stage.api_name for stage in before.stages] == OPEN_STAGES  # SortOrder, open only
    assert [stage.sort_order for stage in before.stages] == sorted(
        stage.sort_order for stage in before.stages
    )
    fields = [field.name for field in before.currency_fields]
    assert fields[0] == "Amount" and "Contract_Value_Net__c" in fields
    assert "StageName" not in fields and "Probability" not in fields
    assert after == before


def test_settings_accept_the_orgs_values_or_not_sure_and_refuse_others(store, synced):
    def offered():
        return crm_settings.choices(store)

    settings_catalog.change(store, crm_settings.PIPELINE_STAGE, "Value Proposition", offered)
    settings_catalog.change(store, crm_settings.WON_VALUE_FIELD, "Contract_Value_Net__c", offered)
    assert crm_settings.pipeline_stage(store) == "Value Proposition"
    assert crm_settings.won_value_field(store) == "Contract_Value_Net__c"

    with pytest.raises(SettingError) as refused:
        settings_catalog.change(store, crm_settings.PIPELINE_STAGE, "Closed Won", offered)
    assert "Prospecting, Qualification" in str(refused.value) and NOT_SURE in str(refused.value)
    with pytest.raises(SettingError):
        settings_catalog.change(store, crm_settings.WON_VALUE_FIELD, "Name", offered)

    settings_catalog.change(store, crm_settings.PIPELINE_STAGE, NOT_SURE, offered)
    settings_catalog.change(store, crm_settings.WON_VALUE_FIELD, NOT_SURE, offered)
    assert crm_settings.won_value_field(store) == "Amount", "Not Sure: the standard field"


def test_org_settings_before_anything_is_known_ask_to_connect_first(store):
    with pytest.raises(SettingError) as refused:
        settings_catalog.change(store, crm_settings.PIPELINE_STAGE, "Prospecting")
    assert "connect to Salesforce" in str(refused.value)
    settings_catalog.change(store, crm_settings.PIPELINE_STAGE, NOT_SURE)


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("crm.auto_sync_all_seats", "no", False),
        ("crm.auto_sync_all_seats", "Yes", True),
        ("sync.interval_hours", "12", 12),
        ("sync.bulk_threshold", "5000", 5000),
        ("sync.api_reserve", "1500", 1500),
        ("sync.api_reserve", "auto", "auto"),
    ],
)
def test_sync_settings_are_checked_and_kept(store, key, value, stored):
    assert settings_catalog.change(store, key, value) == stored
    assert settings_catalog.show(store)[key] == stored


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("crm.auto_sync_all_seats", "maybe"),
        ("sync.interval_hours", "0"),
        ("sync.interval_hours", "1.5"),
        ("sync.bulk_threshold", "-3"),
        ("sync.api_reserve", "lots"),
        ("sync.nonsense", "1"),
    ],
)
def test_bad_setting_values_are_refused_in_one_line(store, key, value):
    with pytest.raises(SettingError) as refused:
        settings_catalog.change(store, key, value)
    assert "\n" not in str(refused.value) and key in str(refused.value)
    assert settings.get(store, key) is None


def test_show_lists_every_setting_with_its_default(store):
    shown = settings_catalog.show(store)
    assert shown["crm.auto_sync_all_seats"] is True
    assert shown["crm.pipeline_stage"] == shown["crm.won_value_field"] == NOT_SURE
    assert shown["sync.interval_hours"] == 24 and shown["sync.api_reserve"] == "auto"
    assert shown["salesnav.contract"] is None


# seats


def test_seats_map_to_users_by_email_any_case(store, synced):
    seats.add_seat(store, email=REP.upper(), name="Lena Hoffmann", seat_type="Admin + Team member")
    seats.add_seat(store, email="newcomer@example.com", name="Noch Niemand", sync=False)

    holders = {holder.seat.email.lower(): holder for holder in seats.seat_holders(store)}
    lena = holders[REP]
    assert lena.matched and lena.user_name == "Lena Hoffmann" and lena.user_active
    assert lena.seat.seat_type == "admin_team_member"
    assert not holders["newcomer@example.com"].matched
    assert holders["newcomer@example.com"].to_json()["user"] is None
    assert holders["newcomer@example.com"].synced, "auto sync all seat holders: yes"

    settings.put(store, crm_settings.AUTO_SYNC_ALL_SEATS, False)
    holders = {holder.seat.email.lower(): holder for holder in seats.seat_holders(store)}
    assert holders[REP].synced and not holders["newcomer@example.com"].synced


def test_a_seat_is_added_once(store):
    seats.add_seat(store, email="a@example.com", name="A")
    with pytest.raises(SeatError) as refused:
        seats.add_seat(store, email="A@Example.com", name="A again")
    assert "already" in str(refused.value)
    with pytest.raises(SeatError):
        seats.add_seat(store, email="not-an-email", name="B")
    with pytest.raises(SeatError):
        seats.add_seat(store, email="c@example.com", name="C", profile_url="https://example.com/c")
    with pytest.raises(SeatError):
        seats.set_sync(store, "nobody@example.com", False)


def test_csv_import_reads_common_spellings_in_any_order(store, tmp_path):
    path = tmp_path / "Sitze.csv"
    path.write_bytes(
        "\ufeffSync;E-Mail;Name;Sitztyp;LinkedIn Profil\n"
        "ja;lena.hoffmann@northwind-demo.example;Lena Hoffmann;Admin + Teammitglied;"
        "https://de.linkedin.com/in/Lena-Hoffmann/\n"
        "\n"
        "nein;jonas.becker@northwind-demo.example;Jonas Becker;;\n".encode()
    )

    result = seats.import_csv(store, path)

    assert (result.added, result.updated) == (2, 0)
    lena = stored_seats.find(store, "LENA.hoffmann@northwind-demo.example")
    assert lena.seat_type == "admin_team_member" and lena.sync
    assert lena.profile_url == "https://de.linkedin.com/in/Lena-Hoffmann/"
    key = store.connection.execute("SELECT profile_key FROM seats WHERE id = ?", (lena.id,))
    assert key.fetchone()[0] == "linkedin.com/in/lena-hoffmann"
    jonas = stored_seats.find(store, "jonas.becker@northwind-demo.example")
    assert jonas.seat_type == "team_member" and not jonas.sync

    path.write_text("email,name,sync\njonas.becker@northwind-demo.example,Jonas B.,on\n")
    assert seats.import_csv(store, path) == seats.ImportResult(0, 1)
    jonas = stored_seats.find(store, "jonas.becker@northwind-demo.example")
    assert (jonas.name, jonas.sync) == ("Jonas B.", True)
    assert len(stored_seats.all_seats(store)) == 2, "re-importing updates, never duplicates"


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        ("email,name\na@example.com,A\nbroken,B\n", "line 3"),
        ("email,name\na@example.com,A\nA@example.com,A again\n", "listed twice (also on line 2)"),
        ("email,name,seat type\na@example.com,A,Captain\n", "Unknown seat type"),
        ("email,name,sync\na@example.com,A,sometimes\n", "Sync must be on or off"),
        ("email,name,profile url\na@example.com,A,https://example.com/a\n", "not a LinkedIn"),
        ("mail address,full name\n", "line 1"),
        ("name,title\nA,CEO\n", "needs the columns email and name"),
        ("email,name\na@example.com,\n", "name is missing"),
        ("", "is empty"),
    ],
)
def test_a_bad_csv_file_is_refused_whole_naming_the_line(store, tmp_path, content, phrase):
    seats.add_seat(store, email="kept@example.com", name="Kept")
    path = tmp_path / "seats.csv"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(SeatError) as refused:
        seats.import_csv(store, path)

    assert phrase in str(refused.value) and "\n" not in str(refused.value)
    assert [seat.email for seat in stored_seats.all_seats(store)] == ["kept@example.com"]


def test_a_csv_file_that_is_not_utf8_is_refused(store, tmp_path):
    path = tmp_path / "seats.csv"
    path.write_bytes("email,name\na@example.com,Jörg\n".encode("latin-1"))
    with pytest.raises(SeatError) as refused:
        seats.import_csv(store, path)
    assert "line 2: not UTF-8" in str(refused.value)
    with pytest.raises(SeatError) as missing:
        seats.import_csv(store, tmp_path / "missing.csv")
    assert "cannot be read" in str(missing.value)


def test_the_demo_orgs_sales_reps_become_seat_holders_in_one_go(store, synced):
    result = seats.add_sales_reps(store)
    holders = seats.seat_holders(store)
    assert result.added == len(holders) >= 8
    assert all(holder.matched and holder.user_active for holder in holders)
    assert REP in {holder.seat.email for holder in holders}
    assert "integration@northwind-demo.example" not in {h.seat.email for h in holders}
    assert seats.add_sales_reps(store).added == 0, "seats already there stay"


# auto-save


def expected_lists(connection, stage: str | None) -> tuple[set[str], set[str]]:
    """The two lists for REP, computed from the org itself (REST queries)."""
    [user] = org_records(connection, "SELECT Id FROM User WHERE Email = {}", REP)
    order = {
        row["ApiName"]: row["SortOrder"]
        for row in org_records(connection, "SELECT ApiName, SortOrder FROM OpportunityStage")
    }
    opportunities = [
        row
        for row in org_records(
            connection,
            "SELECT Id, AccountId, StageName FROM Opportunity "
            "WHERE OwnerId = {} AND IsClosed = false",
            user["Id"],
        )
        if stage is None or order[row["StageName"]] >= order[stage]
    ]
    owned = org_records(connection, "SELECT Id FROM Account WHERE OwnerId = {}", user["Id"])
    accounts = {row["AccountId"] for row in opportunities} | {row["Id"] for row in owned}
    people = set()
    if opportunities:
        people |= {
            row["ContactId"]
            for row in org_records(
                connection,
                "SELECT ContactId FROM OpportunityContactRole WHERE OpportunityId IN {}",
                [row["Id"] for row in opportunities],
            )
        }
    people |= {
        row["Id"]
        for row in org_records(connection, "SELECT Id FROM Contact WHERE AccountId IN {}", accounts)
    }
    people |= {
        row["Id"]
        for row in org_records(
            connection,
            "SELECT Id FROM Lead WHERE OwnerId = {} AND IsConverted = false",
            user["Id"],
        )
    }
    return accounts, people


def saved(store) -> tuple[set[str], set[str]]:
    [lists] = autosave.saved_lists(store, REP)
    return {r.id for r in lists.accounts}, {r.id for r in lists.leads_and_contacts}


@pytest.mark.parametrize("stage", [None, "Value Proposition", "Negotiation/Review"])
def test_auto_saved_lists_follow_the_pipeline_stage(store, synced, stage):
    seats.add_seat(store, email=REP, name="Lena Hoffmann")
    if stage is not None:
        settings_catalog.change(
            store, crm_settings.PIPELINE_STAGE, stage, lambda: crm_settings.choices(store)
        )
    run_sync(store, synced, options=QUICK)  # lists are recomputed after each sync

    accounts, people = expected_lists(synced, stage)

    assert accounts and people
    assert saved(store) == (accounts, people)
    [lists] = autosave.saved_lists(store, REP)
    assert all(record.name for record in lists.accounts + lists.leads_and_contacts)
    assert {record.sobject for record in lists.leads_and_contacts} <= {"Contact", "Lead"}


def test_only_synced_seat_holders_get_lists(store, synced):
    seats.add_seat(store, email=REP, name="Lena Hoffmann")
    seats.add_seat(store, email="newcomer@example.com", name="Not matched")
    assert saved(store)[0], "auto sync all: Lena's lists are there"
    [stranger] = autosave.saved_lists(store, "newcomer@example.com")
    assert stranger.accounts == stranger.leads_and_contacts == []

    settings.put(store, crm_settings.AUTO_SYNC_ALL_SEATS, False)
    seats.set_sync(store, REP, False)
    assert saved(store) == (set(), set())
    seats.set_sync(store, REP, True)
    assert saved(store)[0]


def test_a_stage_gone_from_the_org_counts_as_not_sure(store, synced):
    seats.add_seat(store, email=REP, name="Lena Hoffmann")
    everything = saved(store)
    settings.put(store, crm_settings.PIPELINE_STAGE, "Renamed Stage")
    autosave.recompute(store)
    assert saved(store) == everything


def test_the_store_checks_out_sound_after_a_sync_with_seats_and_lists(store, synced):
    """Opening the store runs SQLite's check; a false alarm would move the store aside."""
    seats.add_sales_reps(store)
    run_sync(store, synced, options=QUICK)
    assert store.connection.execute("SELECT count(*) FROM saved_list_entries").fetchone()[0]
    assert store.integrity() == "ok"
    assert store.connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
