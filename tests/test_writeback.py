"""Activity write-back against the demo org over HTTPS: each kind lands as the right record on
the right parent with the right owner, read back through the REST API; Copy to CRM follows
the settings; a partly failing batch; unresolved -> mapped -> sent."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from linkedin_export import Member, conversations, row, write
from sync_support import org_client
from writeback_support import (
    SEAT,
    SEAT_EMAIL,
    contacts_with_urls,
    log_calls,
    members,
    org_records,
    ready,
    refs_count,
    started,
    tasks_since,
    unresolved_export,
    user_id,
)

from navsync_desktop.demo_org.faults import FaultKind, FaultPlan
from navsync_desktop.engine import activities, unresolved, writeback_settings
from navsync_desktop.engine.activities import LoggedPerson
from navsync_desktop.engine.linkedin_import import import_messages
from navsync_desktop.engine.writeback import WritebackUnavailable, run_writeback
from navsync_desktop.store import settings

WHEN = datetime(2024, 5, 6, 22, 30, tzinfo=UTC)


def test_an_imported_export_ends_as_one_task_per_activity_on_the_right_record(store, tmp_path):
    with ready(store) as (_server, connection):
        contacts = contacts_with_urls(store, 12)
        path = write(tmp_path / "messages.csv", conversations(SEAT, members(contacts), count=60))
        since = started()
        imported = import_messages(store, path, SEAT_EMAIL)
        assert imported.added >= 60 and imported.queued == imported.added

        result = run_writeback(store, connection)

        assert result.error is None and result.failed == 0
        assert result.sent == imported.added
        with org_client(connection) as session:
            tasks = tasks_since(session, since, "Id, WhoId, WhatId, OwnerId, Status, IsClosed")
        assert len(tasks) == imported.added
        refs = refs_count(tasks)
        kept = activities.list_activities(store)
        assert set(refs) == {a.ref for a in kept} and set(refs.values()) == {1}
        by_contact = {c["id"]: c for c in contacts}
        owner = user_id(store, SEAT_EMAIL)
        for task in tasks:
            assert task["WhoId"] in by_contact
            assert task["WhatId"] == by_contact[task["WhoId"]]["account_id"]
            assert task["OwnerId"] == owner and task["CreatedById"] == connection.record().user_id
            assert task["Status"] == "Completed" and task["IsClosed"] is True
        assert {a.state for a in kept} == {"sent"}
        assert {a.record_id for a in kept} == {t["Id"] for t in tasks}
        again = run_writeback(store, connection)
        assert again.sent == 0 and again.api_requests <= 8


def test_inmail_message_note_and_call_land_as_their_records(store, tmp_path):
    with ready(store) as (_server, connection):
        contact, other = contacts_with_urls(store, 2)
        person = Member(
            f"{contact['first_name']} {contact['last_name']}", contact["linkedin_profile_url"]
        )
        long_text = "Ausführlich: " + "x" * 40_000
        path = write(
            tmp_path / "messages.csv",
            [
                row("2-a", SEAT, [person], WHEN, "Pilot?", subject="Pilot for two warehouses"),
                row("2-b", person, [SEAT], WHEN + timedelta(hours=1), long_text),
            ],
        )
        import_messages(store, path, SEAT_EMAIL)
        note = activities.log_note(
            store,
            SEAT_EMAIL,
            LoggedPerson(other["linkedin_profile_url"]),
            "Met at LogiMAT.\nWants a pilot.",
        )
        activities.log_call(
            store,
            SEAT_EMAIL,
            LoggedPerson(other["linkedin_profile_url"]),
            when=WHEN,
            duration_s=330,
            outcome="connected",
            notes="Budget in Q3",
        )
        assert {a.state for a in activities.list_activities(store)} == {"queued"}

        result = run_writeback(store, connection)
        assert (result.sent, result.failed) == (4, 0), result.to_json()

        kept = {a.kind: a for a in activities.list_activities(store)}
        with org_client(connection) as session:
            fields = (
                "Subject, Description, WhoId, WhatId, OwnerId, TaskSubtype, ActivityDate, "
                "LID__Date_Sent__c, LID__URL__c"
            )
            inmail, message, logged_call = (
                org_records(session, "Task", fields, "Id", kept[kind].record_id)[0]
                for kind in ("inmail", "message", "call")
            )
            note_id = kept["note"].record_id
            notes = org_records(session, "ContentNote", "Title, Content, OwnerId", "Id", note_id)
            links = org_records(
                session, "ContentDocumentLink", "LinkedEntityId", "ContentDocumentId", note_id
            )
        assert inmail["Subject"] == "LinkedIn InMail: Pilot for two warehouses"
        assert inmail["TaskSubtype"] == "LinkedIn" and inmail["WhoId"] == contact["id"]
        assert inmail["ActivityDate"] == WHEN.astimezone().date().isoformat()
        assert inmail["LID__Date_Sent__c"].startswith("2024-05-06T22:30")
        assert inmail["LID__URL__c"] == "https://www.linkedin.com/messaging/thread/2-a/"
        assert message["Subject"] == "LinkedIn message (received)"
        assert len(message["Description"]) == 32000  # the field's length, from describe
        assert message["Description"].endswith(f"NavSync ref {kept['message'].ref}")
        assert kept["message"].content == long_text, "the full text is kept locally"
        assert logged_call["TaskSubtype"] == "Call" and logged_call["WhoId"] == other["id"]
        assert (
            "5 min 30 s" in logged_call["Description"]
            and "Budget in Q3" in logged_call["Description"]
        )
        assert len(notes) == 1 and kept["note"].ref in notes[0]["Title"]
        assert notes[0]["OwnerId"] == user_id(store, SEAT_EMAIL)
        assert "Wants a pilot." in base64.b64decode(notes[0]["Content"]).decode()
        assert [link["LinkedEntityId"] for link in links] == [other["id"]]
        assert note.kind == "note" and kept["note"].state == "sent"


def test_a_lead_gets_a_task_without_related_to(store):
    with ready(store) as (_server, connection):
        lead = dict(
            store.connection.execute(
                "SELECT id, linkedin_profile_url FROM crm_lead "
                "WHERE linkedin_profile_url IS NOT NULL LIMIT 1"
            ).fetchone()
        )
        activities.log_call(
            store,
            SEAT_EMAIL,
            LoggedPerson(lead["linkedin_profile_url"]),
            when=WHEN,
            duration_s=60,
            outcome="no_answer",
        )
        assert run_writeback(store, connection).sent == 1
        task_id = activities.list_activities(store)[0].record_id
        with org_client(connection) as session:
            task = org_records(session, "Task", "WhoId, WhatId", "Id", task_id)[0]
        assert task == {"attributes": task["attributes"], "WhoId": lead["id"], "WhatId": None}


def test_copy_to_crm_is_refused_with_the_reason_when_write_back_or_the_kind_is_off(store):
    with ready(store, enable=False) as (_server, connection):
        url = contacts_with_urls(store, 1)[0]["linkedin_profile_url"]
        note = activities.log_note(store, SEAT_EMAIL, LoggedPerson(url), "Hallo")
        assert note.state == "new"
        assert "write-back is off" in str(writeback_settings.refusal(store, "note"))
        refused = activities.copy_to_crm(store, [note.id])
        assert refused.queued == 0 and "write-back is off" in str(refused.refused[0][1])
        with pytest.raises(WritebackUnavailable, match="write-back is off"):
            run_writeback(store, connection)

        settings.put(store, writeback_settings.ENABLED, True)
        settings.put(store, writeback_settings.KINDS_SETTING, ["inmail", "message", "call"])
        reason = writeback_settings.refusal(store, "note")
        assert str(reason).startswith("Notes are not synced back")
        assert activities.copy_to_crm(store, [note.id]).refused[0][1] == reason

        settings.put(store, writeback_settings.KINDS_SETTING, ["note"])
        copied = activities.copy_to_crm(store, [note.id])
        assert copied.queued == 1 and not copied.refused
        assert run_writeback(store, connection).sent == 1


def test_ask_mode_waits_for_copy_to_crm(store, tmp_path):
    with ready(store) as (_server, connection):
        assert writeback_settings.set_copy_mode(store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
        people = members(contacts_with_urls(store, 3))
        path = write(tmp_path / "m.csv", conversations(SEAT, people, count=10))
        imported = import_messages(store, path, SEAT_EMAIL)
        assert imported.queued == 0
        assert {a.state for a in activities.list_activities(store)} == {"new"}
        assert run_writeback(store, connection).sent == 0
        copied = activities.copy_all(store, seat=SEAT_EMAIL)
        assert copied.queued == imported.added
        assert run_writeback(store, connection).sent == imported.added


def test_view_only_admin_cannot_write_back_and_is_told_why(store):
    with ready(store, "view-only-admin") as (_server, connection):
        url = contacts_with_urls(store, 1)[0]["linkedin_profile_url"]
        activities.log_note(store, SEAT_EMAIL, LoggedPerson(url), "Hallo")
        with pytest.raises(WritebackUnavailable, match="Modify All Data"):
            run_writeback(store, connection)
        assert "Modify All Data" in str(writeback_settings.refusal(store, "note"))


def test_a_batch_where_some_items_fail_records_each_items_result(store):
    with ready(store) as (_server, connection):
        contacts = contacts_with_urls(store, 4)
        log_calls(store, contacts, when=WHEN)
        with org_client(connection) as session:  # one contact is deleted in the CRM meanwhile
            session.call(lambda sf: sf.Contact.delete(contacts[1]["id"]))

        result = run_writeback(store, connection)

        assert (result.sent, result.failed) == (3, 1)
        failed = activities.list_activities(store, state="failed")
        assert len(failed) == 1 and failed[0].error_code == "INVALID_CROSS_REFERENCE_KEY"
        assert "Sync the CRM data, then Copy to CRM again" in str(failed[0].message)
        item = next(i for i in result.to_json()["items"] if i["state"] == "failed")
        assert item["id"] == failed[0].id and "Name ID" in item["message"]


def test_unresolved_people_are_listed_mapped_by_hand_and_then_sent(store, tmp_path):
    with ready(store) as (_server, connection):
        import_messages(store, unresolved_export(tmp_path / "m.csv", WHEN), SEAT_EMAIL)
        listed = unresolved.list_unresolved(store)
        assert sorted(u.reason for u in listed) == ["no_match", "no_match", "no_url"]
        csv_path = unresolved.export_csv(store, tmp_path / "unresolved.csv")
        assert "Jürgen O'Brien\\Smith" in csv_path.read_text(encoding="utf-8-sig")

        with org_client(connection) as session:
            found = unresolved.search_records(store, "O'Brien\\Smith", session)
        assert found == []
        target = contacts_with_urls(store, 1)[0]
        with org_client(connection) as session:
            found = unresolved.search_records(store, target["last_name"], session)
        assert target["id"] in {record.id for record in found}

        mapped = unresolved.map_person(
            store, "https://www.linkedin.com/in/jürgen-obrien", target["id"]
        )
        assert mapped == 2
        result = run_writeback(store, connection)
        assert result.sent == 2 and result.unresolved == 1
        sent = activities.list_activities(store, state="sent")
        assert {a.record_id is not None for a in sent} == {True}
        assert len(unresolved.list_unresolved(store)) == 1


def test_records_refused_for_a_locked_row_are_retried_with_backoff_then_failed(store):
    with ready(store) as (server, connection):
        contacts = contacts_with_urls(store, 3)
        log_calls(store, contacts, when=WHEN)
        since = started()
        server.inject_faults(FaultPlan(0.5, seed=3, kinds=(FaultKind.ROW_LOCK,)))
        result = run_writeback(store, connection)
        server.inject_faults(None)
        assert server.faults_injected.get("row-lock", 0) >= 1
        assert (result.sent, result.failed) == (3, 0)
        with org_client(connection) as session:
            assert len(tasks_since(session, since)) == 3

        activities.log_call(
            store,
            SEAT_EMAIL,
            LoggedPerson(contacts[0]["linkedin_profile_url"]),
            when=WHEN,
            duration_s=1,
            outcome="busy",
        )
        server.inject_faults(FaultPlan(1.0, kinds=(FaultKind.ROW_LOCK,)))
        locked = run_writeback(store, connection)
        assert (locked.sent, locked.failed) == (0, 1)
        failed = activities.list_activities(store, state="failed")[0]
        assert failed.error_code == "UNABLE_TO_LOCK_ROW" and "tries again" not in str(
            failed.message
        )
