"""Each scenario's distinguishing answer, as a client sees it over HTTPS."""

from __future__ import annotations

import pytest
from simple_salesforce import format_soql
from simple_salesforce.exceptions import SalesforceMalformedRequest, SalesforceRefusedRequest

from navsync_desktop.credentials import SalesforceCredentials
from navsync_desktop.demo_org.oauth import DEMO_CLIENT_ID
from navsync_desktop.demo_org.scenarios import (
    EMAIL_RULE_MESSAGE,
    PERSONAL_ADMIN_USERNAME,
    SCENARIOS,
    VIEW_ONLY_ADMIN_USERNAME,
)
from navsync_desktop.engine.readiness import org_checks
from navsync_desktop.salesforce.session import SalesforceSession

from .conftest import client, oauth_tokens

PACKAGE_SOQL = "SELECT SubscriberPackage.NamespacePrefix FROM InstalledSubscriberPackage"


def _connect(start_org, scenario: str, **options):
    org = start_org(scenario, **options)
    tokens = oauth_tokens(org.endpoint)
    return org, tokens, client(org.endpoint, tokens["access_token"])


def _organization(sf) -> dict:
    soql = "SELECT OrganizationType, IsSandbox FROM Organization"
    return sf.query(soql)["records"][0]


def _permissions(sf, user_id: str) -> set[str]:
    soql = format_soql(
        "SELECT PermissionSet.PermissionsViewAllData, PermissionSet.PermissionsModifyAllData "
        "FROM PermissionSetAssignment WHERE AssigneeId = {}",
        user_id,
    )
    granted = set()
    for row in sf.query(soql)["records"]:
        granted |= {name for name, value in row["PermissionSet"].items() if value is True}
    return granted


def test_healthy_org_passes_every_readiness_check(healthy_org, healthy_tokens):
    """The app's own readiness checks, through its own session, against the default org."""
    credentials = SalesforceCredentials(
        healthy_tokens["refresh_token"],
        healthy_tokens["instance_url"],
        DEMO_CLIENT_ID,
        healthy_tokens["id"].rsplit("/", 2)[1],
    )
    with SalesforceSession(
        credentials,
        user_id=healthy_tokens["id"].rsplit("/", 1)[1],
        ca_cert=healthy_org.endpoint.ca_cert,
        access_token=healthy_tokens["access_token"],
    ) as session:
        results = org_checks(session)
    statuses = {result.id: result.status.value for result in results}
    assert statuses == dict.fromkeys(
        [
            "api",
            "edition",
            "sandbox",
            "permissions",
            "package",
            "person_accounts",
            "integration_user",
            "validation_rules",
            "api_limit",
            "data_volume",
        ],
        "pass",
    )


def test_professional_without_api_logs_in_but_refuses_api_calls(start_org):
    _, tokens, sf = _connect(start_org, "professional-no-api")
    assert tokens["access_token"]
    for call in (
        lambda: sf.query("SELECT Id FROM Contact LIMIT 1"),
        lambda: sf.toolingexecute(f"query/?q={PACKAGE_SOQL}"),
        lambda: list(sf.bulk2.Contact.query("SELECT Id FROM Contact", wait=0)),
    ):
        with pytest.raises(SalesforceRefusedRequest) as refused:
            call()
        assert refused.value.status == 403
        assert refused.value.content == [
            {
                "message": "The REST API is not enabled for this Organization.",
                "errorCode": "API_DISABLED_FOR_ORG",
                "fields": [],
            }
        ]


def test_unsupported_edition(start_org):
    _, _, sf = _connect(start_org, "unsupported-edition")
    assert _organization(sf)["OrganizationType"] == SCENARIOS["unsupported-edition"].edition


def test_sandbox(start_org):
    _, _, sf = _connect(start_org, "sandbox")
    assert _organization(sf)["IsSandbox"] is True


def test_view_only_admin(start_org):
    _, tokens, sf = _connect(start_org, "view-only-admin")
    user_id = tokens["id"].rsplit("/", 1)[1]
    assert sf.User.get(user_id)["Username"] == VIEW_ONLY_ADMIN_USERNAME
    granted = _permissions(sf, user_id)
    assert "PermissionsViewAllData" in granted
    assert "PermissionsModifyAllData" not in granted


def test_personal_admin(start_org):
    _, tokens, sf = _connect(start_org, "personal-admin")
    assert sf.User.get(tokens["id"].rsplit("/", 1)[1])["Username"] == PERSONAL_ADMIN_USERNAME


def test_package_missing(start_org):
    _, _, sf = _connect(start_org, "package-missing")
    packages = sf.toolingexecute(f"query/?q={PACKAGE_SOQL}")["records"]
    assert "LID" not in [row["SubscriberPackage"]["NamespacePrefix"] for row in packages]
    fields = [field["name"] for field in sf.Contact.describe()["fields"]]
    assert not [name for name in fields if name.startswith("LID__")]


def test_person_accounts(start_org):
    _, _, sf = _connect(start_org, "person-accounts")
    fields = [field["name"] for field in sf.Account.describe()["fields"]]
    assert "IsPersonAccount" in fields
    assert sf.query("SELECT COUNT() FROM Account WHERE IsPersonAccount = true")["totalSize"] > 0


def test_email_validation_rule(start_org):
    _, _, sf = _connect(start_org, "email-validation-rule")
    with pytest.raises(SalesforceMalformedRequest) as refused:
        sf.Contact.create({"LastName": "No Email"})
    error = refused.value.content[0]
    assert error["errorCode"] == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
    assert error["message"] == EMAIL_RULE_MESSAGE
    assert sf.Contact.create({"LastName": "With Email", "Email": "ok@example.com"})["success"]


def test_api_limit_low_runs_out(start_org):
    org, _, sf = _connect(start_org, "api-limit-low")
    daily = sf.limits()["DailyApiRequests"]
    assert daily["Remaining"] < daily["Max"] / 10
    # Spend all but two of the remaining requests without HTTP, to keep the test quick.
    for _ in range(daily["Remaining"] - 2):
        org.store.consume_api_request()
    assert sf.limits()["DailyApiRequests"]["Remaining"] == 1
    sf.query("SELECT Id FROM Account LIMIT 1")
    with pytest.raises(SalesforceRefusedRequest) as exhausted:
        sf.query("SELECT Id FROM Account LIMIT 1")
    assert exhausted.value.content[0]["errorCode"] == "REQUEST_LIMIT_EXCEEDED"
    answer = sf.session.get(f"{sf.base_url}limits/", headers=sf.headers)
    assert answer.status_code == 403
    assert answer.headers["Sforce-Limit-Info"] == f"api-usage={daily['Max']}/{daily['Max']}"


def test_large_org(start_org):
    _, _, sf = _connect(start_org, "large-org", records=None)
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] >= 100_000
