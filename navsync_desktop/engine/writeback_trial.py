"""Step 7 of the guide, Test Write-Back: a test contact and one test activity of every enabled
kind, each with its "View in CRM" link; deleted again on request.

Nothing half-created stays behind: when the contact is refused (a validation rule that
requires an email address, say) nothing else is created, and when a later record fails,
what was created before is deleted. The Ids are kept locally until the cleanup, so a later
``cleanup_test_writeback`` (another run of the program) still finds them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from simple_salesforce import format_soql

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.activities import reference, stable_key
from navsync_desktop.engine.activity_records import OrgShapes
from navsync_desktop.engine.writeback import writable_session
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce.errors import SalesforceApiError, SalesforceError
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store, settings

log = logging.getLogger(__name__)

TEST_RECORDS = "writeback.test_records"  # [[sobject, id], ...] until the cleanup
TEST_LAST_NAME = "Test Contact (NavSync Test Write-Back)"
_LABELS = {
    "Contact": QT_TRANSLATE_NOOP("TestWriteBack", "Test contact"),
    "inmail": QT_TRANSLATE_NOOP("TestWriteBack", "Test InMail (Task)"),
    "message": QT_TRANSLATE_NOOP("TestWriteBack", "Test message (Task)"),
    "call": QT_TRANSLATE_NOOP("TestWriteBack", "Test call (Task)"),
    "note": QT_TRANSLATE_NOOP("TestWriteBack", "Test note (Notes & Attachments)"),
}
REPORTS_HINT = QT_TRANSLATE_NOOP(
    "TestWriteBack",
    "The test contact and its activities are real records: until you delete them they show "
    "in activity reports and in the LinkedIn reports, created by the connected user and owned "
    "by them. Tell your Sales Navigator seat holders about the test, so that the test data "
    "does not confuse their reports, and delete the test records once you have checked them.",
)
VALIDATION_ADVICE = QT_TRANSLATE_NOOP(
    "TestWriteBack",
    "Salesforce refused the test contact: {message} No test record was created. A validation "
    "rule that requires an email address on contacts blocks the test: deactivate the rule "
    "temporarily for the test, and delete the test record in your CRM afterwards to remove it "
    "for good.",
)


class TestWriteBackFailed(SalesforceError):
    """The test could not create its records; nothing of it is left in the org."""

    __test__ = False  # not a pytest test class

    def __init__(self, text: Text, error_code: str | None = None) -> None:
        super().__init__(text, error_code=error_code)


@dataclass(frozen=True)
class TestRecord:
    __test__ = False

    what: str  # Contact, inmail, message, call, note
    sobject: str
    id: str
    view_url: str

    @property
    def label(self) -> Text:
        return _LABELS[self.what]

    def to_json(self) -> dict:
        return {
            "what": self.what,
            "label": str(self.label),
            "sobject": self.sobject,
            "id": self.id,
            "view_url": self.view_url,
        }


@dataclass(frozen=True)
class TestWriteBackResult:
    __test__ = False

    records: list[TestRecord]

    @property
    def reports_hint(self) -> Text:
        return REPORTS_HINT

    def to_json(self) -> dict:
        return {
            "records": [record.to_json() for record in self.records],
            "reports": str(self.reports_hint),
        }


def run_test_writeback(store: Store, connection) -> TestWriteBackResult:
    """Create the test contact and one test activity of every enabled kind."""
    with writable_session(store, connection) as session:
        _delete_kept(store, session)  # an earlier test's records are replaced, not piled up
        shapes = OrgShapes.read(session)
        now = datetime.now(UTC)
        contact_id = _create_contact(session, now)
        created = [("Contact", "Contact", contact_id)]
        _keep(store, created)
        try:
            for kind in writeback_settings.kinds(store):
                created += _create_activity(session, shapes, kind, contact_id, now)
                _keep(store, created)
        except SalesforceError as error:
            _delete(session, [record_id for _what, _sobject, record_id in created])
            settings.put(store, TEST_RECORDS, [])
            raise TestWriteBackFailed(
                QT_TRANSLATE_NOOP(
                    "TestWriteBack",
                    "The test activities could not be created ({reason}); the test records "
                    "created so far were deleted again.",
                ).format(reason=error.text),
                error.error_code,
            ) from None
    return TestWriteBackResult(
        [
            TestRecord(what, sobject, record_id, connection.record_url(sobject, record_id))
            for what, sobject, record_id in created
            if sobject != "ContentDocumentLink"
        ]
    )


def cleanup_test_writeback(store: Store, connection) -> int:
    """Delete the test records; returns how many were deleted."""
    with connection.open_session() as session:
        return _delete_kept(store, session)


def _create_contact(session: SalesforceSession, now: datetime) -> str:
    fields = {
        "FirstName": "NavSync",
        "LastName": TEST_LAST_NAME,
        "Description": f"Created by NavSync Desktop's Test Write-Back on {now:%Y-%m-%d %H:%M} "
        "UTC. Delete it once the test is checked.",
    }
    try:
        return session.write(lambda sf: sf.Contact.create(fields))["id"]
    except SalesforceApiError as error:
        if error.error_code == "FIELD_CUSTOM_VALIDATION_EXCEPTION":
            raise TestWriteBackFailed(
                VALIDATION_ADVICE.format(message=error.message), error.error_code
            ) from None
        raise TestWriteBackFailed(error.text, error.error_code) from None
    except SalesforceError:
        _delete(session, _orphan_contacts(session, now))  # a lost answer: it may exist
        raise


def _orphan_contacts(session: SalesforceSession, since: datetime) -> list[str]:
    soql = format_soql(
        "SELECT Id FROM Contact WHERE LastName = {} AND CreatedById = {} AND CreatedDate >= {}",
        TEST_LAST_NAME,
        session.user_id,
        since.replace(microsecond=0),
    )
    return [record["Id"] for record in session.query_all(soql)]


def _create_activity(
    session: SalesforceSession, shapes: OrgShapes, kind: str, contact_id: str, now: datetime
) -> list[tuple[str, str, str]]:
    key = stable_key("test-writeback", kind, now.isoformat())
    row = {
        "kind": kind,
        "ref": reference(key),
        "direction": "sent",
        "subject": "NavSync Test Write-Back" if kind == "inmail" else None,
        "content": "A test activity from NavSync Desktop's Test Write-Back. Delete it once "
        "the test is checked.",
        "occurred_at": now.isoformat(),
        "conversation_id": None,
        "person_url": None,
        "person_name": "NavSync Test Contact",
        "person_company": None,
        "match_sobject": "Contact",
        "match_id": contact_id,
        "match_account_id": None,
        "call_duration_s": 60,
        "call_outcome": "connected",
        "record_id": None,
    }
    if kind != "note":
        task = shapes.task(row, None)
        task_id = session.write(lambda sf: sf.restful("sobjects/Task", method="POST", json=task))
        return [(kind, "Task", task_id["id"])]
    note = shapes.note(row, None)
    note_id = session.write(lambda sf: sf.restful("sobjects/ContentNote", method="POST", json=note))
    row["record_id"] = note_id["id"]
    link = shapes.link(row)
    try:
        link_id = session.write(
            lambda sf: sf.restful("sobjects/ContentDocumentLink", method="POST", json=link)
        )
    except SalesforceError:
        _delete(session, [note_id["id"]])
        raise
    return [(kind, "ContentNote", note_id["id"]), (kind, "ContentDocumentLink", link_id["id"])]


def _keep(store: Store, created: list[tuple[str, str, str]]) -> None:
    settings.put(store, TEST_RECORDS, [list(item) for item in created])


def _delete_kept(store: Store, session: SalesforceSession) -> int:
    kept = settings.get(store, TEST_RECORDS, [])
    ids = [record_id for _what, _sobject, record_id in kept]
    deleted = _delete(session, ids)
    settings.put(store, TEST_RECORDS, [])
    return deleted


def _delete(session: SalesforceSession, ids: list[str]) -> int:
    """Delete records (children first: links, activities, then the contact); ones already
    gone count as deleted."""
    if not ids:
        return 0
    ordered = sorted(ids, key=lambda i: i.startswith("003"))
    results = session.write(
        lambda sf: sf.restful(
            "composite/sobjects",
            method="DELETE",
            params={"ids": ",".join(ordered), "allOrNone": "false"},
        )
    )
    gone = 0
    for result in results:
        codes = {error.get("statusCode") for error in result.get("errors", [])}
        if result.get("success") or codes & {"ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY"}:
            gone += 1
        else:
            log.warning("a test record could not be deleted: %s", result)
    return gone
