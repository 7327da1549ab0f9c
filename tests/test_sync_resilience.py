"""The sync when Salesforce misbehaves: the `flaky` scenario's faults, and an org with few API
requests left (`api-limit-low`)."""

from __future__ import annotations

import pytest
from sync_support import (
    QUICK,
    connected,
    demo_org_server,
    org_client,
    snapshot,
    staging_tables,
)

from navsync_desktop.demo_org.faults import FaultPlan
from navsync_desktop.engine import sync_plan, sync_settings
from navsync_desktop.engine.status import status_of
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.engine.sync_progress import Phase
from navsync_desktop.store import settings, sync_state
from navsync_desktop.store.crm_records import TABLES

FLAKY = FaultPlan(rate=0.2, seed=7, slow_s=0.3)


@pytest.mark.parametrize("api", ["rest", "bulk"])
def test_with_flaky_faults_full_and_incremental_syncs_equal_fault_free_ones(
    store, api, monkeypatch
):
    if api == "bulk":
        settings.put(store, sync_settings.BULK_THRESHOLD, 1)
        monkeypatch.setattr(sync_plan, "CHUNK_ROWS", 60)  # Contact in Id ranges
    with demo_org_server() as org, connected(store, org) as connection:
        assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
        fault_free = snapshot(store)

        org.inject_faults(FLAKY)
        retries = []
        flaky_full = run_sync(
            store,
            connection,
            full=True,
            progress=lambda e: retries.append(e) if e.phase is Phase.RETRYING else None,
            options=QUICK,
        )
        assert flaky_full.outcome is Outcome.SUCCEEDED, flaky_full.error
        assert snapshot(store) == fault_free
        assert sum(org.faults_injected.values()) >= 5, org.faults_injected
        assert retries and all("Retrying" in str(event.describe()) for event in retries)

        org.inject_faults(None)
        with org_client(connection) as client:
            ids = [r["Id"] for r in client.query_all("SELECT Id FROM Contact ORDER BY Id")]
            for record_id in ids[:30]:
                client.call(lambda sf, i=record_id: sf.Contact.update(i, {"Title": "Flaky"}))
            for record_id in ids[-5:]:
                client.call(lambda sf, i=record_id: sf.Contact.delete(i))

        org.inject_faults(FLAKY)
        flaky_incremental = run_sync(store, connection, options=QUICK)
        assert flaky_incremental.outcome is Outcome.SUCCEEDED, flaky_incremental.error
        contact = flaky_incremental.to_json()["objects"]["Contact"]
        assert (contact["changed"], contact["deleted"]) == (30, 5)
        after_incremental = snapshot(store)

        org.inject_faults(None)
        assert run_sync(store, connection, full=True, options=QUICK).outcome is Outcome.SUCCEEDED
        assert after_incremental == snapshot(store), "nothing lost, nothing duplicated"
        assert staging_tables(store) == []


def test_few_api_requests_left_slow_the_sync_down_and_say_why(store):
    with demo_org_server("api-limit-low") as org, connected(store, org) as connection:
        events = []
        result = run_sync(store, connection, progress=events.append, options=QUICK)

    assert result.outcome is Outcome.SUCCEEDED, result.error
    pacing = [event for event in events if event.phase is Phase.PACING]
    assert pacing
    message = str(pacing[-1].describe())
    assert "API requests are left today" in message and "reserved" in message
    usage = result.to_json()["api_usage"]
    reserve = sync_settings.api_reserve(store)(usage["max"])
    assert usage["max"] - usage["after"] > reserve


def test_the_reserve_is_never_spent_and_the_stop_loses_nothing(store):
    with demo_org_server("api-limit-low") as org, connected(store, org) as connection:
        assert run_sync(store, connection, options=QUICK).outcome is Outcome.SUCCEEDED
        before = snapshot(store)
        watermarks = {name: sync_state.load(store, name) for name in TABLES}
        last_synced = status_of(store).last_synced
        with org_client(connection) as client:
            contact_id = client.query_all("SELECT Id FROM Contact LIMIT 1")[0]["Id"]
            client.call(lambda sf: sf.Contact.update(contact_id, {"Title": "Later"}))
            left = client.limits()["DailyApiRequests"]["Remaining"]
        reserve = left - 12  # a dozen requests to spend
        settings.put(store, sync_settings.API_RESERVE, reserve)

        result = run_sync(store, connection, options=QUICK)

        with org_client(connection) as client:  # this request is the one after the sync
            left_after_sync = client.limits()["DailyApiRequests"]["Remaining"] + 1

    assert result.outcome is Outcome.FAILED
    document = result.to_json()
    assert document["paused"] is True
    assert "Paused" in document["error"] and "reserved for other integrations" in document["error"]
    assert left_after_sync >= reserve, "the reserve is untouched"
    assert status_of(store).last_synced == last_synced
    for name, table in TABLES.items():
        if sync_state.load(store, name) == watermarks[name]:  # not finished: old data kept
            assert snapshot(store)[table] == before[table], table
    assert staging_tables(store) == []
