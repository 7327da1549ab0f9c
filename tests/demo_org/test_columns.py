"""`query?q=…&columns=true`: the columns of a query, in the shape the Salesforce CLI reads."""

from __future__ import annotations

import pytest

from .conftest import API_VERSION


def columns(sf, soql: str, resource: str = "query"):
    return sf.session.get(
        f"{sf.base_url}{resource}/", params={"q": soql, "columns": "true"}, headers=sf.headers
    )


def test_fields_and_parent_relationships(sf):
    soql = "SELECT Id, Name, Email, Account.Name, Account.Owner.Name, Owner.Email FROM Contact"
    answer = columns(sf, soql)
    assert answer.status_code == 200
    body = answer.json()
    assert "records" not in body, "the columns, not the rows"
    assert (body["entityName"], body["keyPrefix"]) == ("Contact", "003")
    assert (body["idSelected"], body["groupBy"]) == (True, False)
    top = body["columnMetadata"]
    assert [column["columnName"] for column in top] == ["Id", "Name", "Email", "Account", "Owner"]
    by_name = {column["columnName"]: column for column in top}
    assert by_name["Id"] == {
        "aggregate": False,
        "apexType": "Id",
        "booleanType": False,
        "columnName": "Id",
        "custom": False,
        "displayName": "Id",
        "foreignKeyName": None,
        "insertable": False,
        "joinColumns": [],
        "numberType": False,
        "textType": False,
        "updatable": False,
    }
    email = by_name["Email"]
    assert (email["apexType"], email["textType"]) == ("String", True)
    assert (email["insertable"], email["updatable"]) == (True, True)
    assert by_name["Name"]["insertable"] is False, "the full name is computed"
    account = by_name["Account"]
    assert (account["foreignKeyName"], account["apexType"]) == ("AccountId", None)
    assert [c["columnName"] for c in account["joinColumns"]] == ["Name", "Owner"]
    account_owner = account["joinColumns"][1]
    assert account_owner["foreignKeyName"] == "OwnerId"
    assert [c["columnName"] for c in account_owner["joinColumns"]] == ["Name"]
    assert [c["columnName"] for c in by_name["Owner"]["joinColumns"]] == ["Email"]


def test_types_of_other_fields(sf):
    soql = "SELECT NumberOfEmployees, AnnualRevenue, CreatedDate, IsDeleted, OwnerId FROM Account"
    body = columns(sf, soql).json()
    described = {
        c["columnName"]: (c["apexType"], c["numberType"], c["booleanType"])
        for c in body["columnMetadata"]
    }
    assert described == {
        "NumberOfEmployees": ("Integer", True, False),
        "AnnualRevenue": ("Decimal", True, False),
        "CreatedDate": ("Datetime", False, False),
        "IsDeleted": ("Boolean", False, True),
        "OwnerId": ("Id", False, False),
    }
    assert body["idSelected"] is False
    assert body["keyPrefix"] == "001"


def test_count_query_and_custom_fields(sf):
    assert columns(sf, "SELECT COUNT() FROM Contact").json()["columnMetadata"] == []
    custom = columns(sf, "SELECT LinkedIn_Profile_URL__c FROM Lead").json()["columnMetadata"][0]
    assert custom["custom"] is True


def test_tooling_and_query_all_answer_columns_too(sf):
    soql = "SELECT SubscriberPackage.NamespacePrefix FROM InstalledSubscriberPackage"
    tooling = columns(sf, soql, "tooling/query").json()
    assert tooling["entityName"] == "InstalledSubscriberPackage"
    assert tooling["columnMetadata"][0]["foreignKeyName"] == "SubscriberPackageId"
    assert columns(sf, "SELECT Id FROM Task", "queryAll").json()["entityName"] == "Task"


@pytest.mark.parametrize(
    ("soql", "error_code"),
    [("SELECT Nope FROM Contact", "INVALID_FIELD"), ("SELECT FROM Contact", "MALFORMED_QUERY")],
)
def test_a_bad_query_is_refused_as_without_columns(sf, soql, error_code):
    answer = columns(sf, soql)
    assert answer.status_code == 400
    assert answer.json()[0]["errorCode"] == error_code


def test_columns_false_answers_rows(sf):
    answer = sf.session.get(
        f"{sf.base_url}query/",
        params={"q": "SELECT Id FROM Contact LIMIT 2", "columns": "false"},
        headers=sf.headers,
    )
    assert len(answer.json()["records"]) == 2
    assert API_VERSION in answer.json()["records"][0]["attributes"]["url"]
