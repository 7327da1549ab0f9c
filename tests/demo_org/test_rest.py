"""The REST API through the real simple-salesforce client, certificate pinned."""

from __future__ import annotations

import re

import pytest
from simple_salesforce import format_soql
from simple_salesforce.exceptions import (
    SalesforceMalformedRequest,
    SalesforceResourceNotFound,
)

from .conftest import API_VERSION, https_session

NEXT_RECORDS = re.compile(rf"/services/data/v{re.escape(API_VERSION)}/query/[\w]+-\d+")


def test_versions_are_listed_without_a_session(healthy_org):
    answer = https_session(healthy_org.endpoint).get(
        f"{healthy_org.endpoint.instance_url}/services/data/"
    )
    assert answer.status_code == 200
    listed = answer.json()
    assert [entry["version"] for entry in listed] == [f"{n}.0" for n in range(31, 69)]
    labels = {entry["version"]: entry["label"] for entry in listed}
    assert labels["31.0"] == "Summer '14"
    assert labels["51.0"] == "Spring '21"
    assert labels["62.0"] == "Winter '25"
    assert labels["63.0"] == "Spring '25"
    assert listed[-1] == {"label": "Winter '27", "url": "/services/data/v68.0", "version": "68.0"}


@pytest.mark.parametrize("version", ["31.0", "51.0", "68.0"])
def test_every_listed_version_is_served(sf, healthy_tokens, version):
    # the Salesforce CLI reads the user at v51.0 right after its login, whatever the org's newest
    user_id = healthy_tokens["id"].rsplit("/", 1)[1]
    base = sf.base_url.replace(f"v{API_VERSION}", f"v{version}")
    answer = sf.session.get(f"{base}sobjects/User/{user_id}", headers=sf.headers)
    assert answer.status_code == 200
    assert answer.json()["Username"] == "integration@northwind-demo.example"
    assert (
        answer.json()["attributes"]["url"] == f"/services/data/v{version}/sobjects/User/{user_id}"
    )
    too_new = sf.session.get(
        sf.base_url.replace(API_VERSION, "69.0") + "limits/", headers=sf.headers
    )
    assert too_new.status_code == 404


def test_resource_list_names_the_identity_url(sf, healthy_org, healthy_tokens):
    resources = sf.restful("")
    assert resources["sobjects"] == f"/services/data/v{API_VERSION}/sobjects"
    assert resources["identity"] == healthy_tokens["id"]
    assert resources["identity"].startswith(f"{healthy_org.endpoint.instance_url}/id/00D")
    identity = sf.session.get(resources["identity"], headers=sf.headers).json()
    assert identity["username"] == "integration@northwind-demo.example"


def test_json_answers_carry_salesforce_headers(sf):
    answer = sf.session.get(f"{sf.base_url}limits/", headers=sf.headers)
    assert answer.headers["Content-Type"] == "application/json;charset=UTF-8"
    assert re.fullmatch(r"api-usage=\d+/\d+", answer.headers["Sforce-Limit-Info"])


def test_describe_global_and_sobject_describe(sf):
    names = {entry["name"] for entry in sf.describe()["sobjects"]}
    assert {"Account", "Contact", "Lead", "Opportunity", "OpportunityStage", "Task"} <= names
    described = sf.Contact.describe()
    assert described["urls"]["describe"].endswith("/sobjects/Contact/describe")
    fields = {field["name"]: field for field in described["fields"]}
    assert fields["AccountId"]["referenceTo"] == ["Account"]
    assert fields["AccountId"]["relationshipName"] == "Account"
    assert fields["LastName"]["nillable"] is False
    for key in ("type", "length", "createable", "updateable", "custom", "externalId"):
        assert key in fields["Email"]
    stages = {f["name"]: f for f in sf.Opportunity.describe()["fields"]}["StageName"]
    assert "Closed Won" in [value["value"] for value in stages["picklistValues"]]
    assert sf.Contact.metadata()["objectDescribe"]["name"] == "Contact"


def test_unknown_sobject_is_not_found(sf):
    with pytest.raises(SalesforceResourceNotFound) as missing:
        sf.Nonsense__c.describe()
    assert missing.value.content[0]["errorCode"] == "NOT_FOUND"


def test_record_create_get_update_delete(sf):
    account = sf.Account.create({"Name": "Demo Test GmbH"})
    assert account["success"] is True and account["id"].startswith("001")
    created = sf.Contact.create(
        {"LastName": "Kowalski", "Email": "k@example.com", "AccountId": account["id"]}
    )
    contact_id = created["id"]
    assert created == {"id": contact_id, "success": True, "errors": []}
    assert len(contact_id) == 18 and contact_id.startswith("003")

    record = sf.Contact.get(contact_id)
    assert record["attributes"] == {
        "type": "Contact",
        "url": f"/services/data/v{API_VERSION}/sobjects/Contact/{contact_id}",
    }
    assert record["Email"] == "k@example.com"
    answer = sf.session.get(
        f"{sf.base_url}sobjects/Contact/{contact_id}",
        params={"fields": "LastName"},
        headers=sf.headers,
    )
    assert set(answer.json()) == {"attributes", "LastName"}

    assert sf.Contact.update(contact_id, {"Title": "Head of Sales"}) == 204
    assert sf.Contact.get(contact_id)["Title"] == "Head of Sales"

    assert sf.Contact.delete(contact_id) == 204
    with pytest.raises(SalesforceResourceNotFound):
        sf.Contact.get(contact_id)
    soql = format_soql("SELECT Id, IsDeleted FROM Contact WHERE Id = {}", contact_id)
    assert sf.query(soql)["totalSize"] == 0
    deleted = sf.query_all(soql, include_deleted=True)["records"]
    assert [row["IsDeleted"] for row in deleted] == [True]


def test_create_errors_are_salesforce_shaped(sf):
    with pytest.raises(SalesforceMalformedRequest) as missing:
        sf.Contact.create({"FirstName": "No Last Name"})
    assert missing.value.status == 400
    assert missing.value.content[0]["errorCode"] == "REQUIRED_FIELD_MISSING"
    assert missing.value.content[0]["fields"] == ["LastName"]
    with pytest.raises(SalesforceMalformedRequest) as unknown:
        sf.Contact.create({"LastName": "X", "Shoe_Size__c": 44})
    assert unknown.value.content[0]["errorCode"] == "INVALID_FIELD"


def test_query_all_iter_pages_through_every_contact(sf):
    total = sf.query("SELECT COUNT() FROM Contact")["totalSize"]
    assert total > 4000, "the default org spans several 2000-row pages"
    first = sf.query("SELECT Id FROM Contact")
    assert first["done"] is False and len(first["records"]) == 2000
    assert NEXT_RECORDS.fullmatch(first["nextRecordsUrl"])
    ids = [row["Id"] for row in sf.query_all_iter("SELECT Id, Name, Account.Name FROM Contact")]
    assert len(ids) == len(set(ids)) == total


def test_records_and_their_parents_carry_type_and_url(sf):
    soql = "SELECT Name, AccountId, Account.Name, Account.OwnerId, Account.Owner.Name FROM Contact"
    row = sf.query(f"{soql} WHERE AccountId != null LIMIT 1")["records"][0]
    sobjects = f"/services/data/v{API_VERSION}/sobjects"
    assert row["attributes"]["type"] == "Contact"
    assert row["attributes"]["url"].startswith(f"{sobjects}/Contact/003"), "Id not selected"
    assert row["Account"]["attributes"] == {
        "type": "Account",
        "url": f"{sobjects}/Account/{row['AccountId']}",
    }
    assert "Id" not in row["Account"]
    assert row["Account"]["Owner"]["attributes"] == {
        "type": "User",
        "url": f"{sobjects}/User/{row['Account']['OwnerId']}",
    }
    contact_id = row["attributes"]["url"].rsplit("/", 1)[1]
    assert sf.Contact.get(contact_id)["Name"] == row["Name"]


def test_tooling_records_carry_tooling_urls(sf):
    soql = "SELECT SubscriberPackageId, SubscriberPackage.Name FROM InstalledSubscriberPackage"
    row = sf.toolingexecute("query/", params={"q": soql})["records"][0]
    tooling = f"/services/data/v{API_VERSION}/tooling/sobjects"
    assert row["attributes"]["url"].startswith(f"{tooling}/InstalledSubscriberPackage/0A3")
    assert row["SubscriberPackage"]["attributes"]["url"] == (
        f"{tooling}/SubscriberPackage/{row['SubscriberPackageId']}"
    )


def test_batch_size_option_shrinks_pages(sf):
    page = sf.query("SELECT Id FROM Contact", headers={"Sforce-Query-Options": "batchSize=500"})
    assert len(page["records"]) == 500
    more = sf.query_more(page["nextRecordsUrl"], identifier_is_url=True)
    assert len(more["records"]) == 500
    assert {r["Id"] for r in page["records"]}.isdisjoint(r["Id"] for r in more["records"])


def test_query_errors(sf):
    with pytest.raises(SalesforceMalformedRequest) as bad_field:
        sf.query("SELECT Nme FROM Contact")
    assert bad_field.value.content[0]["errorCode"] == "INVALID_FIELD"
    assert "Nme" in bad_field.value.content[0]["message"]
    with pytest.raises(SalesforceMalformedRequest) as malformed:
        sf.query("SELECT FROM Contact WHERE")
    assert malformed.value.content[0]["errorCode"] == "MALFORMED_QUERY"
    with pytest.raises(SalesforceMalformedRequest) as bad_type:
        sf.query("SELECT Id FROM Kontakt")
    assert bad_type.value.content[0]["errorCode"] == "INVALID_TYPE"
    with pytest.raises(SalesforceMalformedRequest) as bad_locator:
        sf.query_more("01gDm0000000000000-2000")
    assert bad_locator.value.content[0]["errorCode"] == "INVALID_QUERY_LOCATOR"


def _collection(sf, method: str, records: list[dict], all_or_none: bool) -> list[dict]:
    return sf.restful(
        "composite/sobjects", method=method, json={"allOrNone": all_or_none, "records": records}
    )


def _contact(last_name: str | None, **fields) -> dict:
    record = {"attributes": {"type": "Contact"}, **fields}
    if last_name:
        record["LastName"] = last_name
    return record


def test_collection_create_reports_each_record(sf):
    results = _collection(
        sf, "POST", [_contact("Ok One"), _contact(None, FirstName="Bad"), _contact("Ok Two")], False
    )
    assert [result["success"] for result in results] == [True, False, True]
    assert results[1]["errors"][0]["statusCode"] == "REQUIRED_FIELD_MISSING"
    assert sf.Contact.get(results[0]["id"])["LastName"] == "Ok One"


def test_collection_all_or_none_rolls_everything_back(sf):
    marker = "Rollback Probe"
    results = _collection(sf, "POST", [_contact(marker), _contact(None, FirstName="Bad")], True)
    assert results[0]["errors"][0]["statusCode"] == "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    assert results[1]["errors"][0]["statusCode"] == "REQUIRED_FIELD_MISSING"
    soql = format_soql("SELECT Id FROM Contact WHERE LastName = {}", marker)
    assert sf.query(soql)["totalSize"] == 0
    assert sf.query_all(soql, include_deleted=True)["totalSize"] == 0, "no trace, not deleted"


def test_collection_update(sf):
    ids = [row["Id"] for row in sf.query("SELECT Id FROM Contact LIMIT 2")["records"]]
    updates = [
        {"attributes": {"type": "Contact"}, "Id": ids[0], "Title": "Collection Title"},
        {"attributes": {"type": "Contact"}, "Title": "no id"},
    ]
    results = _collection(sf, "PATCH", updates, False)
    assert results[0] == {"id": ids[0], "success": True, "errors": []}
    assert results[1]["errors"][0]["statusCode"] == "MISSING_ARGUMENT"
    assert sf.Contact.get(ids[0])["Title"] == "Collection Title"
    rolled_back = [
        updates[0] | {"Title": "Never"},
        {"attributes": {"type": "Contact"}, "Id": ids[1], "Bogus": 1},
    ]
    stamp = sf.Contact.get(ids[0])["SystemModstamp"]
    results = _collection(sf, "PATCH", rolled_back, True)
    assert [r["success"] for r in results] == [False, False]
    after = sf.Contact.get(ids[0])
    assert after["Title"] == "Collection Title"
    assert after["SystemModstamp"] == stamp, "a rolled-back update leaves no change at all"


def test_collection_limit_is_200(sf):
    with pytest.raises(SalesforceMalformedRequest) as too_many:
        _collection(sf, "POST", [_contact(f"N{i}") for i in range(201)], False)
    assert too_many.value.content[0]["errorCode"] == "EXCEEDED_ID_LIMIT"


def _delete_collection(sf, ids: list[str], all_or_none: bool | None = None):
    params = {"ids": ",".join(ids)}
    if all_or_none is not None:
        params["allOrNone"] = str(all_or_none).lower()
    return sf.session.delete(f"{sf.base_url}composite/sobjects", params=params, headers=sf.headers)


def _still_there(sf, sobject: str, record_id: str) -> bool:
    soql = format_soql("SELECT Id FROM {:literal} WHERE Id = {}", sobject, record_id)
    return sf.query(soql)["totalSize"] == 1


def test_collection_delete_removes_records_of_several_types(sf):
    account = sf.Account.create({"Name": "Delete Probe GmbH"})["id"]
    contacts = [sf.Contact.create({"LastName": f"Delete Probe {n}"})["id"] for n in (1, 2)]
    ids = [contacts[0], account, contacts[1]]
    answer = _delete_collection(sf, ids)
    assert answer.status_code == 200
    assert answer.json() == [{"id": i, "success": True, "errors": []} for i in ids]
    assert not _still_there(sf, "Account", account)
    assert not any(_still_there(sf, "Contact", contact) for contact in contacts)
    soql = format_soql("SELECT IsDeleted FROM Account WHERE Id = {}", account)
    deleted = sf.query_all(soql, include_deleted=True)
    assert deleted["records"][0]["IsDeleted"] is True, "soft deleted, as in the recycle bin"


def test_collection_delete_reports_each_failure(sf):
    keep = sf.Contact.create({"LastName": "Delete Probe Keep"})["id"]
    gone = sf.Contact.create({"LastName": "Delete Probe Gone"})["id"]
    sf.Contact.delete(gone)
    results = _delete_collection(sf, [gone, "003notAnId", keep], all_or_none=False).json()
    assert results[0]["success"] is False
    assert results[0]["errors"][0]["statusCode"] == "ENTITY_IS_DELETED"
    assert results[1]["errors"][0]["statusCode"] == "MALFORMED_ID"
    assert results[2] == {"id": keep, "success": True, "errors": []}
    unknown = _delete_collection(sf, ["001Dm00000zzzzzIAA"]).json()[0]
    assert unknown["errors"][0]["statusCode"] == "ENTITY_IS_DELETED"


def test_collection_delete_all_or_none_rolls_back(sf):
    ids = [sf.Contact.create({"LastName": f"Rollback Delete {n}"})["id"] for n in (1, 2)]
    results = _delete_collection(sf, [ids[0], "bogus", ids[1]], all_or_none=True).json()
    assert [r["errors"][0]["statusCode"] for r in results] == [
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "MALFORMED_ID",
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
    ]
    assert all(_still_there(sf, "Contact", record_id) for record_id in ids)


def test_collection_delete_takes_1_to_200_ids(sf):
    too_many = _delete_collection(sf, [f"003Dm{n:010d}" for n in range(201)])
    assert too_many.status_code == 400
    assert too_many.json()[0]["errorCode"] == "EXCEEDED_ID_LIMIT"
    none = sf.session.delete(f"{sf.base_url}composite/sobjects", headers=sf.headers)
    assert none.status_code == 400
    assert none.json()[0]["errorCode"] == "MISSING_ARGUMENT"


def test_collection_retrieve_reads_records_in_the_order_asked(sf):
    ids = [sf.Contact.create({"LastName": f"Retrieve Probe {n}"})["id"] for n in (1, 2)]
    missing = "003Dm00000zzzzzIAA"
    body = {"ids": [ids[1], missing, ids[0]], "fields": ["LastName", "Title"]}
    posted = sf.restful("composite/sobjects/Contact", method="POST", json=body)
    assert [r and r["LastName"] for r in posted] == ["Retrieve Probe 2", None, "Retrieve Probe 1"]
    assert posted[0]["attributes"]["url"].endswith(f"/sobjects/Contact/{ids[1]}")
    params = {"ids": ",".join(ids), "fields": "LastName"}
    got = sf.restful("composite/sobjects/Contact", params=params)
    assert [set(r) for r in got] == [{"attributes", "LastName"}] * 2


def test_scratch_org_info_is_not_there_and_no_sandboxes_are(sf):
    # the Salesforce CLI asks both after a login: a Dev Hub has ScratchOrgInfo, and a
    # production org lists its sandboxes in SandboxProcess (the healthy org has none)
    with pytest.raises(SalesforceMalformedRequest) as not_dev_hub:
        sf.query("SELECT Id FROM ScratchOrgInfo limit 1")
    error = not_dev_hub.value.content[0]
    assert error["errorCode"] == "INVALID_TYPE"
    assert "sObject type 'ScratchOrgInfo' is not supported." in error["message"]
    soql = (
        "SELECT Id, Status, SandboxName, SandboxInfoId, LicenseType, CreatedDate, CopyProgress, "
        "SandboxOrganization, SourceId, Description, EndDate, Features FROM SandboxProcess "
        "WHERE SandboxOrganization = '00DDm0000000001' ORDER BY CreatedDate DESC"
    )
    assert sf.toolingexecute("query/", params={"q": soql}) == {
        "totalSize": 0,
        "done": True,
        "records": [],
    }


def test_limits_count_down(sf):
    before = sf.limits()["DailyApiRequests"]["Remaining"]
    sf.query("SELECT Id FROM Account LIMIT 1")
    after = sf.limits()["DailyApiRequests"]["Remaining"]
    assert after == before - 2
    used, total = sf.api_usage["api-usage"]
    assert total - used == after


def test_tooling_query_finds_the_linkedin_package(sf):
    soql = (
        "SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name "
        "FROM InstalledSubscriberPackage"
    )
    records = sf.toolingexecute(f"query/?q={soql}")["records"]
    assert "LID" in [row["SubscriberPackage"]["NamespacePrefix"] for row in records]


def test_tooling_query_lists_validation_rules(sf):
    soql = "SELECT ValidationName, EntityDefinitionId, Active FROM ValidationRule"
    rules = sf.toolingexecute("query/", params={"q": soql})["records"]
    assert [(r["ValidationName"], r["EntityDefinitionId"], r["Active"]) for r in rules] == [
        ("Opportunity_Close_Date_In_Future", "Opportunity", False)
    ], "the healthy org has one inactive rule and no Contact rule"


def test_unknown_routes_and_methods(sf):
    missing = sf.session.get(f"{sf.base_url}nothing/here", headers=sf.headers)
    assert missing.status_code == 404
    assert missing.json()[0]["errorCode"] == "NOT_FOUND"
    refused = sf.session.put(f"{sf.base_url}limits/", headers=sf.headers)
    assert refused.status_code == 405
    assert refused.json()[0]["errorCode"] == "METHOD_NOT_ALLOWED"
    old = sf.session.get(f"{sf.base_url.replace(API_VERSION, '20.0')}limits/", headers=sf.headers)
    assert old.status_code == 404


def test_missing_session_is_refused(healthy_org):
    answer = https_session(healthy_org.endpoint).get(
        f"{healthy_org.endpoint.instance_url}/services/data/v{API_VERSION}/limits"
    )
    assert answer.status_code == 401
    assert answer.json()[0]["errorCode"] == "INVALID_SESSION_ID"


@pytest.mark.parametrize(
    "soql",
    [
        "SELECT Id FROM Contact LIMIT 99999999999999999999",
        "SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:999999999",
        "SELECT Id FROM Contact WHERE LastName = '\\uD800'",
        "SELECT Id FROM Contact WHERE LastName = '\\uZZZZ'",
    ],
)
def test_out_of_range_queries_are_a_400_not_a_500(sf, soql):
    """A 500 would make clients retry a query that can never work."""
    with pytest.raises(SalesforceMalformedRequest) as refused:
        sf.query(soql)
    assert refused.value.status == 400
    assert refused.value.content[0]["errorCode"] == "MALFORMED_QUERY"
