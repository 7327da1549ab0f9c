# ruff: noqa: S608 - the f-strings build SOQL for the store under test, not SQL
"""OrgStore: metadata, record CRUD and validation, soft delete, API usage, cursors, reseeding."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from simple_salesforce import format_soql

from navsync_desktop.demo_org.errors import ApiError
from navsync_desktop.demo_org.ids import checksum
from navsync_desktop.demo_org.scenarios import INTEGRATION_USERNAME
from navsync_desktop.demo_org.store import LATEST_SOBJECTS_PATH, OrgStore


@pytest.fixture
def org(tmp_path: Path) -> OrgStore:
    store = OrgStore.open(tmp_path / "org.db", records=200)
    yield store
    store.close()


@pytest.fixture
def user_id(org: OrgStore) -> str:
    return org.user_by_username(INTEGRATION_USERNAME)["Id"]


def api_error(call, *args, **kwargs) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- metadata -----------------------------------------------------------------------------------


def test_describe_global_lists_the_data_objects(org: OrgStore):
    objects = {entry["name"]: entry for entry in org.describe_global()}
    assert {
        "Account",
        "Contact",
        "Lead",
        "Opportunity",
        "OpportunityStage",
        "Task",
        "User",
        "ContentNote",
        "ContentDocumentLink",
        "PermissionSetAssignment",
    } <= set(objects)
    assert "InstalledSubscriberPackage" not in objects
    assert objects["Contact"]["keyPrefix"] == "003"
    assert objects["Contact"]["createable"] and objects["Contact"]["queryable"]
    assert not objects["Organization"]["createable"]
    assert all("urls" not in entry for entry in objects.values())


def test_describe_is_case_insensitive_and_complete(org: OrgStore):
    describe = org.describe("opportunity")
    assert describe["name"] == "Opportunity"
    fields = {f["name"]: f for f in describe["fields"]}
    stage = fields["StageName"]
    assert [value["value"] for value in stage["picklistValues"]][-2:] == [
        "Closed Won",
        "Closed Lost",
    ]
    assert stage["nillable"] is False and stage["type"] == "picklist"
    assert fields["Amount"]["type"] == fields["ExpectedRevenue"]["type"] == "currency"
    assert fields["ExpectedRevenue"]["createable"] is False
    assert fields["Contract_Value_Net__c"]["custom"] is True
    account = fields["AccountId"]
    assert (account["referenceTo"], account["relationshipName"]) == (["Account"], "Account")
    required_keys = {
        "name",
        "label",
        "type",
        "length",
        "nillable",
        "createable",
        "updateable",
        "custom",
        "externalId",
        "referenceTo",
        "relationshipName",
        "picklistValues",
    }
    assert all(required_keys <= set(field) for field in describe["fields"])


def test_describe_of_an_unknown_object_is_not_found(org: OrgStore):
    error = api_error(org.describe, "Contct")
    assert (error.status, error.error_code) == (404, "NOT_FOUND")
    assert error.message == "The requested resource does not exist"
    assert org.canonical_sobject("CONTACT") == "Contact"
    assert api_error(org.canonical_sobject, "Nope").error_code == "NOT_FOUND"


# --- create, get, update, delete ----------------------------------------------------------------


def test_create_then_get_returns_api_values(org: OrgStore, user_id: str):
    account_id = org.create("Account", {"Name": "Möwe Logistik GmbH"}, user_id=user_id)
    contact_id = org.create(
        "Contact",
        {
            "attributes": {"type": "Contact"},
            "FirstName": "Ida",
            "LastName": "Kraft",
            "Email": "ida.kraft@moewe.example",
            "AccountId": account_id,
        },
        user_id=user_id,
    )
    assert len(contact_id) == 18 and contact_id.startswith("003")
    assert contact_id[15:] == checksum(contact_id[:15])
    record = org.get("contact", contact_id)
    assert record["attributes"] == {"type": "Contact"}
    assert record["Name"] == "Ida Kraft"  # computed like Salesforce does
    assert record["OwnerId"] == record["CreatedById"] == record["LastModifiedById"] == user_id
    assert record["IsDeleted"] is False
    assert record["CreatedDate"].endswith("+0000") and len(record["CreatedDate"]) == 28
    assert org.get("Contact", contact_id[:15], ["email", "AccountId"]) == {
        "attributes": {"type": "Contact"},
        "Email": "ida.kraft@moewe.example",
        "AccountId": account_id,
    }


def test_opportunity_stage_sets_closed_won_and_expected_revenue(org: OrgStore, user_id: str):
    opportunity_id = org.create(
        "Opportunity",
        {
            "Name": "Pilot",
            "StageName": "Negotiation/Review",
            "CloseDate": "2026-06-30",
            "Amount": 10000,
        },
        user_id=user_id,
    )
    record = org.get("Opportunity", opportunity_id)
    assert (record["IsClosed"], record["IsWon"], record["Probability"]) == (False, False, 90)
    assert record["ExpectedRevenue"] == 9000
    org.update("Opportunity", opportunity_id, {"StageName": "Closed Won"}, user_id=user_id)
    record = org.get("Opportunity", opportunity_id)
    assert (record["IsClosed"], record["IsWon"]) == (True, True)


def test_update_changes_fields_and_bumps_system_modstamp(org: OrgStore, user_id: str):
    contact_id = org.create("Contact", {"LastName": "Vogt"}, user_id=user_id)
    before = org.get("Contact", contact_id)
    other = org.user_by_username("dana.fischer@northwind-demo.example")["Id"]
    org.update("Contact", contact_id, {"Title": "CFO", "Email": "vogt@x.example"}, user_id=other)
    after = org.get("Contact", contact_id)
    assert (after["Title"], after["Email"]) == ("CFO", "vogt@x.example")
    assert after["SystemModstamp"] >= before["SystemModstamp"]
    assert after["LastModifiedById"] == other and after["CreatedById"] == user_id


def test_soft_delete_hides_the_record_except_from_query_all(org: OrgStore, user_id: str):
    contact_id = org.create("Contact", {"LastName": "Gone"}, user_id=user_id)
    org.delete("Contact", contact_id, user_id=user_id)
    assert api_error(org.get, "Contact", contact_id).error_code == "NOT_FOUND"
    soql = f"SELECT Id, IsDeleted FROM Contact WHERE Id = '{contact_id}'"
    assert org.query(soql).total_size == 0
    rows = [r for page in org.query(soql, include_deleted=True).pages(10) for r in page]
    url = f"{LATEST_SOBJECTS_PATH}/Contact/{contact_id}"
    assert rows == [
        {"attributes": {"type": "Contact", "url": url}, "Id": contact_id, "IsDeleted": True}
    ]
    error = api_error(org.delete, "Contact", contact_id, user_id=user_id)
    assert (error.status, error.error_code) == (404, "ENTITY_IS_DELETED")


def test_unknown_ids_are_not_found(org: OrgStore, user_id: str):
    assert api_error(org.get, "Contact", "003Dm000000zzzzAAA").status == 404
    assert api_error(org.get, "Contact", "not-an-id").error_code == "NOT_FOUND"
    account = org.query("SELECT Id FROM Account LIMIT 1")
    account_id = next(account.pages(1))[0]["Id"]
    assert api_error(org.get, "Contact", account_id).error_code == "NOT_FOUND"
    assert api_error(org.update, "Contact", "003Dm000000zzzzAAA", {}, user_id=user_id).status == 404


@pytest.mark.parametrize(
    ("fields", "code", "error_fields"),
    [
        ({"LastName": "x", "Nope__c": 1}, "INVALID_FIELD", []),
        ({"LastName": "x", "Name": "y"}, "INVALID_FIELD_FOR_INSERT_UPDATE", ["Name"]),
        ({"FirstName": "x"}, "REQUIRED_FIELD_MISSING", ["LastName"]),
        ({"LastName": "x", "Email": "not an email"}, "INVALID_EMAIL_ADDRESS", ["Email"]),
        ({"LastName": "x" * 81}, "STRING_TOO_LONG", ["LastName"]),
        (
            {"LastName": "x", "AccountId": "001Dm000000zzzzAAA"},
            "INVALID_CROSS_REFERENCE_KEY",
            ["AccountId"],
        ),
        ({"LastName": "x", "AccountId": "garbage"}, "MALFORMED_ID", ["AccountId"]),
    ],
)
def test_contact_create_validation(org: OrgStore, user_id: str, fields, code, error_fields):
    error = api_error(org.create, "Contact", fields, user_id=user_id)
    assert (error.status, error.error_code) == (400, code)
    assert error.fields == error_fields
    assert error.to_body()[0]["errorCode"] == code


def test_type_and_picklist_validation(org: OrgStore, user_id: str):
    bad_task = {"Subject": "Call", "Status": "Someday"}
    error = api_error(org.create, "Task", bad_task, user_id=user_id)
    assert error.error_code == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"
    assert error.message == "Status: bad value for restricted picklist field: Someday"
    bad_amount = {
        "Name": "x",
        "StageName": "Prospecting",
        "CloseDate": "2026-01-01",
        "Amount": "lots",
    }
    assert api_error(org.create, "Opportunity", bad_amount, user_id=user_id).error_code == (
        "JSON_PARSER_ERROR"
    )
    bad_date = {"Name": "x", "StageName": "Prospecting", "CloseDate": "31.01.2026"}
    assert api_error(org.create, "Opportunity", bad_date, user_id=user_id).error_code == (
        "JSON_PARSER_ERROR"
    )


def test_task_defaults_and_datetime_normalisation(org: OrgStore, user_id: str):
    contact_id = org.create("Contact", {"LastName": "Task Target"}, user_id=user_id)
    task_id = org.create(
        "Task",
        {
            "Subject": "LinkedIn InMail",
            "WhoId": contact_id,
            "TaskSubtype": "LinkedIn",
            "LID__Date_Sent__c": "2026-01-31T10:00:00+01:00",
            "Status": "Completed",
        },
        user_id=user_id,
    )
    task = org.get("Task", task_id)
    assert (task["Priority"], task["IsClosed"]) == ("Normal", True)
    assert task["LID__Date_Sent__c"] == "2026-01-31T09:00:00.000+0000"


def test_notes_are_content_documents(org: OrgStore, user_id: str):
    note_id = org.create(
        "ContentNote", {"Title": "Call notes", "Content": "SGFsbG8gV2VsdA=="}, user_id=user_id
    )
    contact_id = org.create("Contact", {"LastName": "Noted"}, user_id=user_id)
    org.create(
        "ContentDocumentLink",
        {"ContentDocumentId": note_id, "LinkedEntityId": contact_id},
        user_id=user_id,
    )
    assert org.get("ContentNote", note_id)["TextPreview"] == "Hallo Welt"
    cursor = org.query(
        f"SELECT ContentDocument.Title, ShareType FROM ContentDocumentLink "
        f"WHERE LinkedEntityId = '{contact_id}'"
    )
    rows = [row for page in cursor.pages(10) for row in page]
    assert rows[0]["ContentDocument"]["Title"] == "Call notes" and rows[0]["ShareType"] == "V"


def test_read_only_objects_refuse_writes(org: OrgStore, user_id: str):
    error = api_error(org.create, "Organization", {"Name": "x"}, user_id=user_id)
    assert error.error_code == "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY"


def test_concurrent_creates_get_distinct_ids(org: OrgStore, user_id: str):
    created: list[str] = []

    def worker() -> None:
        for n in range(20):
            created.append(
                org.create("Lead", {"LastName": f"L{n}", "Company": "C"}, user_id=user_id)
            )

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(created)) == 80


# --- users, organization, API usage -------------------------------------------------------------


def test_users_and_organization(org: OrgStore):
    user = org.user_by_username("INTEGRATION@northwind-demo.example")
    assert user["Name"] == "Integration User" and user["IsActive"] is True
    assert org.user_by_id(user["Id"][:15])["Username"] == INTEGRATION_USERNAME
    assert org.user_by_username("nobody@example.com") is None
    assert org.user_by_id("bogus") is None
    logins = org.users_for_login()
    assert all(u["IsActive"] for u in logins)
    assert {"Integration User", "Dana Fischer"} <= {u["Name"] for u in logins}
    organization = org.organization()
    assert organization["OrganizationType"] == "Enterprise Edition"
    assert organization["IsSandbox"] is False and organization["Id"].startswith("00D")


def test_api_requests_are_counted_and_persisted(tmp_path: Path):
    store = OrgStore.open(tmp_path / "org.db", scenario="api-limit-low", records=50)
    before = store.limits()["DailyApiRequests"]
    used, maximum = store.consume_api_request()
    assert (maximum, used) == (before["Max"], before["Max"] - before["Remaining"] + 1)
    store.close()
    reopened = OrgStore.open(tmp_path / "org.db")
    assert reopened.limits()["DailyApiRequests"]["Remaining"] == before["Remaining"] - 1
    for _ in range(before["Remaining"] - 1):
        reopened.consume_api_request()
    error = api_error(reopened.consume_api_request)
    assert (error.status, error.error_code) == (403, "REQUEST_LIMIT_EXCEEDED")
    assert error.message == "TotalRequests Limit exceeded."
    assert set(reopened.limits()) >= {
        "DailyApiRequests",
        "DailyBulkV2QueryJobs",
        "DailyBulkV2QueryFileStorageMB",
    }
    reopened.close()


# --- cursors ------------------------------------------------------------------------------------


def test_pages_stream_in_bounded_pages_from_another_thread(org: OrgStore):
    cursor = org.query("SELECT Id, Name FROM Contact")
    sizes: list[int] = []
    thread = threading.Thread(target=lambda: sizes.extend(len(p) for p in cursor.pages(64)))
    thread.start()
    thread.join()
    cursor.close()
    assert sizes[:-1] == [64] * (len(sizes) - 1)
    assert sum(sizes) == cursor.total_size == 200


def test_cursor_reads_one_snapshot(org: OrgStore, user_id: str):
    cursor = org.query("SELECT Id FROM Contact")
    pages = cursor.pages(50)
    first = next(pages)
    org.create("Contact", {"LastName": "Latecomer"}, user_id=user_id)
    rest = [row for page in pages for row in page]
    assert len(first) + len(rest) == cursor.total_size == 200
    cursor.close()


def test_rows_are_flat_csv_text(org: OrgStore, user_id: str):
    org.create(
        "Opportunity",
        {"Name": "CSV", "StageName": "Closed Won", "CloseDate": "2026-02-01", "Amount": 1234.5},
        user_id=user_id,
    )
    cursor = org.query(
        "SELECT Name, IsWon, Amount, CloseDate, NextStep, Account.Name FROM Opportunity "
        "WHERE Name = 'CSV'"
    )
    assert cursor.columns == ["Name", "IsWon", "Amount", "CloseDate", "NextStep", "Account.Name"]
    line = b'"CSV","true","1234.5","2026-02-01","",""\n'
    assert list(cursor.csv_lines(10, ",", "\n")) == [[line]]


# --- opening and reseeding ----------------------------------------------------------------------


def test_reopen_keeps_data_and_reset_reseeds(tmp_path: Path):
    path = tmp_path / "org.db"
    store = OrgStore.open(path, records=100)
    admin = store.user_by_username(INTEGRATION_USERNAME)["Id"]
    kept = store.create("Contact", {"LastName": "Kept"}, user_id=admin)
    store.close()

    store = OrgStore.open(path)
    assert store.get("Contact", kept)["LastName"] == "Kept"
    assert store.scenario.name == "healthy"
    store.close()

    store = OrgStore.open(path, reset=True)
    assert api_error(store.get, "Contact", kept).status == 404
    assert store.query("SELECT COUNT() FROM Contact").total_size == 100
    store.close()


def test_other_scenario_or_record_count_reseeds(tmp_path: Path):
    path = tmp_path / "org.db"
    OrgStore.open(path, records=100).close()
    store = OrgStore.open(path, scenario="sandbox", records=100)
    assert store.scenario.name == "sandbox" and store.organization()["IsSandbox"] is True
    store.close()
    store = OrgStore.open(path, records=150)
    assert store.scenario.name == "sandbox"
    assert store.query("SELECT COUNT() FROM Contact").total_size == 150
    store.close()
    with pytest.raises(ValueError, match="unknown scenario"):
        OrgStore.open(path, scenario="wobbly")


def test_transaction_commits_together_or_not_at_all(org: OrgStore, user_id: str):
    def count(name: str) -> int:
        soql = format_soql("SELECT COUNT() FROM Contact WHERE LastName = {}", name)
        return org.query(soql, include_deleted=True).total_size

    with org.transaction():
        org.create("Contact", {"LastName": "Kept Together"}, user_id=user_id)
        org.create("Contact", {"LastName": "Kept Together"}, user_id=user_id)
    assert count("Kept Together") == 2

    with pytest.raises(RuntimeError), org.transaction():
        org.create("Contact", {"LastName": "Never There"}, user_id=user_id)
        with pytest.raises(ApiError):  # a failing write inside leaves the others in place
            org.create("Contact", {"FirstName": "No last name"}, user_id=user_id)
        org.create("Contact", {"LastName": "Never There"}, user_id=user_id)
        raise RuntimeError("the caller gives up")
    assert count("Never There") == 0
