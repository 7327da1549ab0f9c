"""The CRM sync against the demo org over HTTPS, with the real simple-salesforce client, a real
SQLite store and a real file keyring. The org is changed through its REST API, as any client
would; the test never reaches into the demo org's tables."""

from __future__ import annotations

import gc
import threading
import unicodedata
from dataclasses import replace

import pytest
from simple_salesforce import format_soql
from sync_support import (
    QUICK,
    connected,
    demo_org_server,
    org_client,
    org_count,
    org_records,
    snapshot,
    staging_tables,
)

from navsync_desktop.demo_org.faults import FaultKind, FaultPlan
from navsync_desktop.engine import sync_plan, sync_settings
from navsync_desktop.engine.connection import NotConnected
from navsync_desktop.engine.status import status_of
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.engine.sync_progress import Phase
from navsync_desktop.store import crm_records, settings, sync_runs, sync_state
from navsync_desktop.store.connection import ConnectionState

OBJECTS = list(crm_records.TABLES)


@pytest.fixture
def org(navsync_home):
    with demo_org_server() as server:
        yield server


@pytest.fixture
def connection(store, org):
    with connected(store, org) as manager:
        yield manager


def states(store) -> dict:
    return {name: sync_state.load(store, name) for name in OBJECTS}


def test_first_sync_reads_every_object_whole(store, connection):
    events = []
    result = run_sync(store, connection, progress=events.append, options=QUICK)

    assert result.outcome is Outcome.SUCCEEDED, result.error
    document = result.to_json()
    assert document["full"] is True and document["error"] is None
    assert set(document["objects"]) == set(OBJECTS)
    for name in OBJECTS:
        in_org = org_count(connection, format_soql("SELECT COUNT() FROM {:literal}", name))
        counts = document["objects"][name]
        assert counts["read"] == counts["changed"] == counts["total"] == in_org > 0, name
        assert counts["api"] == "rest" and counts["deleted"] == 0
    assert document["api_requests"] > len(OBJECTS) * 2  # describe + COUNT() each, then pages
    usage = document["api_usage"]
    assert usage["before"] < usage["after"] <= usage["max"]

    assert status_of(store).counts == {name: document["objects"][name]["total"] for name in OBJECTS}
    assert status_of(store).last_synced is not None
    assert connection.state is ConnectionState.CONNECTED
    assert staging_tables(store) == []
    assert {event.phase for event in events} >= {Phase.PLANNING, Phase.READING, Phase.SAVING}
    reading = [event for event in events if event.phase is Phase.READING]
    assert (
        reading[-1].overall_read
        == reading[-1].overall_total
        == sum(counts["read"] for counts in document["objects"].values())
    )


def test_local_rows_hold_the_orgs_values(store, connection):
    run_sync(store, connection, options=QUICK)
    [contact] = org_records(
        connection,
        "SELECT Id, AccountId, FirstName, LastName, Email, Title, OwnerId, "
        "LinkedIn_Profile_URL__c, LID__LinkedIn_Member_Token__c, SystemModstamp FROM Contact "
        "WHERE LinkedIn_Profile_URL__c != null ORDER BY Id LIMIT 1",
    )
    row = store.connection.execute(
        "SELECT * FROM crm_contact WHERE id = ?", (contact["Id"],)
    ).fetchone()
    assert row["account_id"] == contact["AccountId"]
    assert (row["first_name"], row["last_name"]) == (contact["FirstName"], contact["LastName"])
    assert row["email"] == contact["Email"] and row["title"] == contact["Title"]
    assert row["linkedin_profile_url"] == contact["LinkedIn_Profile_URL__c"]
    assert row["linkedin_member_token"] == contact["LID__LinkedIn_Member_Token__c"]
    assert row["system_modstamp"] == contact["SystemModstamp"].replace("+0000", "Z")
    assert row["linkedin_profile_key"].startswith("linkedin.com/in/")
    folded = unicodedata.normalize("NFKD", f"{contact['FirstName']} {contact['LastName']}")
    assert row["name_key"] == "".join(c for c in folded if not unicodedata.combining(c)).lower()

    [opportunity] = org_records(
        connection,
        "SELECT Id, Amount, IsClosed, IsWon, CloseDate, StageName FROM Opportunity "
        "WHERE IsWon = true LIMIT 1",
    )
    kept = store.connection.execute(
        "SELECT * FROM crm_opportunity WHERE id = ?", (opportunity["Id"],)
    ).fetchone()
    assert kept["amount"] == opportunity["Amount"] == kept["won_value"]  # Not Sure: Amount
    assert (kept["is_closed"], kept["is_won"]) == (1, 1)
    assert kept["close_date"] == opportunity["CloseDate"]

    users = store.connection.execute("SELECT profile_name FROM crm_user").fetchall()
    assert "Sales Navigator Integration" in {user[0] for user in users}, "a lookup followed"


def test_incremental_sync_reads_changes_and_deletions_only(store, connection):
    first = run_sync(store, connection, options=QUICK)
    watermarks = {name: state.watermark for name, state in states(store).items()}
    with org_client(connection) as client:
        for name in ("Account", "Contact", "Lead", "Opportunity"):  # the newest record read
            [newest] = client.query_all(
                format_soql(
                    "SELECT SystemModstamp FROM {:literal} ORDER BY SystemModstamp DESC LIMIT 1",
                    name,
                )
            )
            assert watermarks[name] == newest["SystemModstamp"].replace("+0000", "Z")
        changed_id, deleted_id = [
            row["Id"] for row in client.query_all("SELECT Id FROM Contact ORDER BY Id LIMIT 2")
        ]
        account_id = client.query_all("SELECT Id FROM Account LIMIT 1")[0]["Id"]
        client.call(lambda sf: sf.Contact.update(changed_id, {"Title": "Chief Navigator"}))
        new_id = client.call(
            lambda sf: sf.Contact.create(
                {"LastName": "Neumann", "FirstName": "Ida", "AccountId": account_id}
            )
        )["id"]
        client.call(lambda sf: sf.Contact.delete(deleted_id))  # the newest change: a deletion
        [deleted] = client.call(
            lambda sf: sf.query_all(
                format_soql("SELECT SystemModstamp FROM Contact WHERE Id = {}", deleted_id),
                include_deleted=True,
            )["records"]
        )

    second = run_sync(store, connection, options=QUICK)

    assert second.outcome is Outcome.SUCCEEDED, second.error
    document = second.to_json()
    assert document["full"] is False
    contact = document["objects"]["Contact"]
    assert contact["changed"] == 2 and contact["deleted"] == 1
    assert contact["read"] < first.to_json()["objects"]["Contact"]["read"] / 10
    assert contact["total"] == first.to_json()["objects"]["Contact"]["total"]
    kept = {row["id"]: row for row in store.connection.execute("SELECT * FROM crm_contact")}
    assert kept[changed_id]["title"] == "Chief Navigator"
    assert deleted_id not in kept
    assert kept[new_id]["name_key"] == "ida neumann"
    assert states(store)["Contact"].watermark == deleted["SystemModstamp"].replace("+0000", "Z")
    for name in ("Account", "Lead", "Opportunity"):  # nothing changed there
        assert document["objects"][name]["changed"] == 0
        assert states(store)[name].watermark == watermarks[name]
    assert snapshot(store) == _full_resync_snapshot(store, connection)


def test_a_sync_leaves_the_interpreter_and_the_store_settings_as_it_found_them(store, connection):
    """A sync collects cycles less often and checkpoints the log once, at its end; both are
    back to normal afterwards (whatever the run's outcome)."""
    thresholds = gc.get_threshold()
    db = store.connection
    before = [db.execute(f"PRAGMA {name}").fetchone()[0] for name in _WRITE_PRAGMAS]
    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    assert gc.get_threshold() == thresholds
    assert [db.execute(f"PRAGMA {name}").fetchone()[0] for name in _WRITE_PRAGMAS] == before


_WRITE_PRAGMAS = ("synchronous", "wal_autocheckpoint")


def test_an_unchanged_org_costs_a_describe_and_one_query_per_object(store, connection):
    run_sync(store, connection, options=QUICK)
    again = run_sync(store, connection, options=QUICK).to_json()
    assert again["outcome"] == "succeeded" and again["full"] is False
    describes = len(OBJECTS) + 1  # and Profile's, behind User's Profile.Name
    assert again["api_requests"] == describes + len(OBJECTS), "no COUNT(), no second query"
    assert all(counts["changed"] == counts["deleted"] == 0 for counts in again["objects"].values())


def test_many_changes_turn_an_incremental_read_to_bulk(store, connection):
    settings.put(store, sync_settings.BULK_THRESHOLD, 12)
    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    with org_client(connection) as client:
        ids = [row["Id"] for row in client.query_all("SELECT Id FROM Contact ORDER BY Id LIMIT 14")]
        for record_id in ids[:12]:
            client.call(lambda sf, i=record_id: sf.Contact.update(i, {"Title": "Bulk Reader"}))
        for record_id in ids[12:]:
            client.call(lambda sf, i=record_id: sf.Contact.delete(i))

    result = run_sync(store, connection, options=QUICK)

    assert result.outcome is Outcome.SUCCEEDED, result.error
    contact = result.to_json()["objects"]["Contact"]
    assert contact["api"] == "bulk" and contact["full"] is False
    assert (contact["changed"], contact["deleted"]) == (12, 2)
    titles = store.connection.execute(
        "SELECT count(*) FROM crm_contact WHERE title = ?", ("Bulk Reader",)
    )
    assert titles.fetchone()[0] == 12
    assert snapshot(store) == _full_resync_snapshot(store, connection)


def _full_resync_snapshot(store, connection) -> dict:
    assert run_sync(store, connection, full=True, options=QUICK).outcome is Outcome.SUCCEEDED
    return snapshot(store)


def test_bulk_and_rest_give_identical_rows(store, connection, monkeypatch):
    with org_client(connection) as client:  # a value that CSV must quote: quotes, comma, newline
        contact_id = client.query_all("SELECT Id FROM Contact ORDER BY Id LIMIT 1")[0]["Id"]
        title = 'Head of "Nord", Logistik\nund Einkauf'
        client.call(lambda sf: sf.Contact.update(contact_id, {"Title": title}))
    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    through_rest = snapshot(store)

    settings.put(store, sync_settings.BULK_THRESHOLD, 1)
    monkeypatch.setattr(sync_plan, "CHUNK_ROWS", 40)  # Contact (200 rows) in 5 Id ranges
    monkeypatch.setattr("navsync_desktop.salesforce.bulk_query._CHUNK_BYTES", 97)  # odd cuts
    result = run_sync(store, connection, full=True, options=QUICK)

    assert result.outcome is Outcome.SUCCEEDED, result.error
    assert {counts["api"] for counts in result.to_json()["objects"].values()} == {"bulk"}
    assert all(counts["changed"] == 0 for counts in result.to_json()["objects"].values())
    assert snapshot(store) == through_rest
    kept = store.connection.execute("SELECT title FROM crm_contact WHERE id = ?", (contact_id,))
    assert kept.fetchone()[0] == title


def test_bulk_into_an_empty_store_equals_rest(store, connection, tmp_path):
    """The first sync renames the staging tables into place: same rows, same indexes."""
    settings.put(store, sync_settings.BULK_THRESHOLD, 1)
    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    through_bulk = snapshot(store)
    indexes = store.connection.execute(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    settings.put(store, sync_settings.BULK_THRESHOLD, 1_000_000)
    for table in crm_records.TABLES.values():
        store.connection.execute(f'DELETE FROM "{table}"')  # noqa: S608
    store.connection.execute("DELETE FROM sync_state")

    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    assert snapshot(store) == through_bulk
    for table in crm_records.TABLES.values():
        columns = [row[0] for row in indexes if row[0] == table]
        again = store.connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        ).fetchone()[0]
        assert again == len(columns), table
    plan = store.connection.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM crm_contact WHERE email = 'x@y.example'"
    ).fetchall()
    assert "INDEX" in str([tuple(row) for row in plan])


def test_a_failure_mid_sync_keeps_the_data_and_the_watermarks(store, connection, org, monkeypatch):
    settings.put(store, sync_settings.BULK_THRESHOLD, 1)
    monkeypatch.setattr(sync_plan, "CHUNK_ROWS", 40)  # Contact in 5 parts, read one by one
    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    before, watermarks = snapshot(store), states(store)
    last_synced = status_of(store).last_synced
    with org_client(connection) as client:
        contact_id = client.query_all("SELECT Id FROM Contact LIMIT 1")[0]["Id"]
        client.call(lambda sf: sf.Contact.update(contact_id, {"Title": "Changed meanwhile"}))

    def salesforce_goes_down(event) -> None:
        # after Contact's first part, Salesforce answers 503 to everything (this runs on the
        # reading thread, before its next request)
        if event.phase is Phase.READING and event.sobject == "Contact":
            org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.UNAVAILABLE,)))

    result = run_sync(store, connection, full=True, progress=salesforce_goes_down, options=QUICK)
    org.inject_faults(None)

    assert result.outcome is Outcome.FAILED
    assert "SERVER_UNAVAILABLE" in str(result.error) and "\n" not in str(result.error)
    assert snapshot(store) == before
    assert states(store) == watermarks
    assert status_of(store).last_synced == last_synced
    assert staging_tables(store) == []
    assert connection.state is ConnectionState.CONNECTED
    assert sync_runs.history(store)[0].status == "failed"

    assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
    title = store.connection.execute("SELECT title FROM crm_contact WHERE id = ?", (contact_id,))
    assert title.fetchone()[0] == "Changed meanwhile", "the next run catches up"


def test_cancel_stops_soon_changes_nothing_and_aborts_the_bulk_job(store, connection):
    settings.put(store, sync_settings.BULK_THRESHOLD, 1)
    cancel = threading.Event()
    seen = []

    def cancel_when_reading(event) -> None:
        seen.append(event.phase)
        if event.phase is Phase.READING:
            cancel.set()

    result = run_sync(store, connection, progress=cancel_when_reading, cancel=cancel, options=QUICK)

    assert result.outcome is Outcome.CANCELLED and result.error is None
    assert all(count == 0 for count in status_of(store).counts.values())
    assert states(store) == dict.fromkeys(OBJECTS)
    assert staging_tables(store) == []
    assert connection.state is ConnectionState.CONNECTED
    with org_client(connection) as client:
        jobs = client.call(lambda sf: sf.restful("jobs/query"))["records"]
    assert jobs and all(job["state"] in ("JobComplete", "Aborted") for job in jobs)
    assert sync_runs.history(store)[0].status == "cancelled"


def test_person_accounts_and_their_contacts_are_left_out(store, navsync_home):
    with demo_org_server("person-accounts") as server, connected(store, server) as connection:
        result = run_sync(store, connection, options=QUICK)
        business_accounts = org_count(
            connection, "SELECT COUNT() FROM Account WHERE IsPersonAccount = false"
        )
        business_contacts = org_count(
            connection, "SELECT COUNT() FROM Contact WHERE IsPersonAccount = false"
        )
        all_accounts = org_count(connection, "SELECT COUNT() FROM Account")
    assert result.outcome is Outcome.SUCCEEDED, result.error
    counts = status_of(store).counts
    assert counts["Account"] == business_accounts < all_accounts
    assert counts["Contact"] == business_contacts


def test_a_changed_field_set_rereads_the_object_whole(store, connection):
    run_sync(store, connection, options=QUICK)
    settings.put(store, "crm.won_value_field", "Contract_Value_Net__c")

    result = run_sync(store, connection, options=QUICK)

    objects = result.to_json()["objects"]
    assert objects["Opportunity"]["full"] is True and objects["Contact"]["full"] is False
    won = org_records(
        connection, "SELECT Id, Contract_Value_Net__c FROM Opportunity WHERE IsWon = true"
    )
    kept = dict(
        store.connection.execute("SELECT id, won_value FROM crm_opportunity WHERE is_won = 1")
    )
    assert kept == {row["Id"]: row["Contract_Value_Net__c"] for row in won}


def test_a_sync_needs_a_connection(store):
    from navsync_desktop.engine.connection import ConnectionManager

    with ConnectionManager(store) as manager, pytest.raises(NotConnected):
        run_sync(store, manager)
    assert sync_runs.count(store) == 0


def test_each_run_is_kept_newest_first(store, connection):
    run_sync(store, connection, options=QUICK)
    run_sync(store, connection, options=QUICK)
    runs = sync_runs.history(store)
    assert [run.full for run in runs] == [False, True]
    assert all(run.status == "succeeded" and run.http_requests > 0 for run in runs)
    assert runs[0].api_used_after >= runs[1].api_used_after


def test_progress_listener_failures_do_not_stop_the_sync(store, connection):
    def broken(_event) -> None:
        raise RuntimeError("listener bug")

    assert run_sync(store, connection, progress=broken, options=QUICK).outcome is (
        Outcome.SUCCEEDED
    )


def test_sync_options_are_frozen():
    with pytest.raises(AttributeError):
        QUICK.workers = 1  # type: ignore[misc]
    assert replace(QUICK, workers=2).workers == 2


def test_soql_is_built_with_escaping():
    from datetime import UTC, datetime

    from navsync_desktop.engine.crm_objects import BY_NAME
    from navsync_desktop.engine.sync_plan import ObjectPlan, Selected

    plan = ObjectPlan(
        BY_NAME["Contact"],
        [Selected("id", "Id", "id"), Selected("system_modstamp", "SystemModstamp", "datetime")],
        {},
        "f",
        person_filter=True,
        full=False,
        since=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        id_boundaries=["003Dm0000000abcIAA"],
    )
    # incremental: one queryAll brings the changes and, marked by IsDeleted, the deletions
    assert plan.include_deleted
    assert plan.soql(plan.id_ranges()[1]) == format_soql(
        "SELECT Id, SystemModstamp, IsDeleted FROM Contact WHERE Id >= {} "
        "AND IsPersonAccount = false AND SystemModstamp >= {}",
        "003Dm0000000abcIAA",
        datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    assert replace(plan, since=None).soql() == (
        "SELECT Id, SystemModstamp FROM Contact WHERE IsPersonAccount = false"
    )


def test_salesforce_failing_between_bulk_objects_fails_the_run(store, connection, org):
    """One Bulk job per object: Salesforce goes down after the first object is read, while
    the next object's job is being created. The run fails (it was not cancelled)."""
    settings.put(store, sync_settings.BULK_THRESHOLD, 1)

    def salesforce_goes_down(event) -> None:
        if event.phase is Phase.READING and event.sobject == "Contact":
            org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.UNAVAILABLE,)))

    result = run_sync(store, connection, progress=salesforce_goes_down, options=QUICK)
    org.inject_faults(None)

    assert result.outcome is Outcome.FAILED
    assert "SERVER_UNAVAILABLE" in str(result.error)
    assert all(count == 0 for count in status_of(store).counts.values())
