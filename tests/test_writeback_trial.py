"""Test Write-Back against the demo org: the test contact and one activity of each enabled
kind, each with its View in CRM link; the cleanup; the validation-rule scenario."""

from __future__ import annotations

import pytest
import requests
from sync_support import org_client
from writeback_support import org_records, ready

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.writeback_trial import (
    TEST_LAST_NAME,
    TestWriteBackFailed,
    cleanup_test_writeback,
    run_test_writeback,
)
from navsync_desktop.store import settings


def test_test_write_back_creates_a_contact_and_each_enabled_kind_then_cleans_up(store):
    with ready(store) as (server, connection):
        settings.put(store, writeback_settings.KINDS_SETTING, ["inmail", "call", "note"])
        result = run_test_writeback(store, connection)

        assert [record.what for record in result.records] == ["Contact", "inmail", "call", "note"]
        contact = result.records[0]
        # the demo org's address for browsers: plain HTTP on loopback, no certificate warning
        browser_url = server.endpoint.browser_url
        assert contact.view_url == f"{browser_url}/lightning/r/Contact/{contact.id}/view"
        # View in CRM opens it logged in, through the demo org's front door
        opened = requests.Session()
        opened.trust_env = False
        page = opened.get(connection.open_record_url("Contact", contact.id), timeout=30)
        assert page.status_code == 200 and page.url == contact.view_url
        assert TEST_LAST_NAME in page.text
        assert "activity reports" in str(result.reports_hint)
        with org_client(connection) as session:
            tasks = org_records(session, "Task", "Id, Subject, TaskSubtype", "WhoId", contact.id)
            links = org_records(
                session, "ContentDocumentLink", "ContentDocumentId", "LinkedEntityId", contact.id
            )
            assert {t["Id"] for t in tasks} == {r.id for r in result.records[1:3]}
            assert {t["TaskSubtype"] for t in tasks} == {"LinkedIn", "Call"}
            assert [link["ContentDocumentId"] for link in links] == [result.records[3].id]

            assert cleanup_test_writeback(store, connection) == 5  # with the note's link
            for record in result.records:
                assert org_records(session, record.sobject, "Id", "Id", record.id) == []
        assert cleanup_test_writeback(store, connection) == 0


def test_a_validation_rule_that_refuses_the_test_contact_leaves_nothing_behind(store):
    with ready(store, "email-validation-rule") as (_server, connection):
        with pytest.raises(TestWriteBackFailed) as refused:
            run_test_writeback(store, connection)
        message = str(refused.value)
        assert "Email is required" in message  # Salesforce's own message
        assert "deactivate the rule temporarily" in message and "delete the test record" in message
        assert "\n" not in message
        with org_client(connection) as session:
            assert org_records(session, "Contact", "Id", "LastName", TEST_LAST_NAME) == []
            assert (
                session.query_all("SELECT Id FROM ContentNote WHERE Title LIKE '%NavSync%'") == []
            )
        assert settings.get(store, "writeback.test_records") == []
