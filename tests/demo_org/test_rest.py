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
    versions = [entry["version"] for entry in answer.json()]
    assert {"58.0", "59.0", "60.0", "61.0", "62.0"} <= set(versions)
    assert answer.json()[-1]["url"] == f"/services/data/v{versions[-1]}"


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


def test_nested_parents_carry_attributes(sf):
    row = sf.query("SELECT Id, Account.Name FROM Contact WHERE AccountId != null LIMIT 1")[
        "records"
    ][0]
    assert row["Account"]["attributes"]["type"] == "Account"
    assert "Id" not in row["Account"]


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
