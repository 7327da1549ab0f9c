"""Org readiness: every demo org scenario gives its own, correct result."""

import pytest
from conftest import BrowserStandIn, connect_demo, served_demo_org

from navsync_desktop import paths
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.readiness import org_checks
from navsync_desktop.store import Store

ALL_PASS = {
    "api": "pass",
    "edition": "pass",
    "sandbox": "pass",
    "permissions": "pass",
    "package": "pass",
    "person_accounts": "pass",
    "integration_user": "pass",
    "validation_rules": "pass",
    "api_limit": "pass",
    "data_volume": "pass",
}

# scenario -> (the checks that differ from ALL_PASS, a phrase of the finding or fix that
# tells the admin what is going on)
EXPECTED = {
    "healthy": ({}, "5,000 contacts: the first sync reads them with the REST API"),
    "professional-no-api": (
        "only-api",
        "Professional Edition needs API access (may cost extra; ask your Salesforce account team)",
    ),
    "unsupported-edition": (
        {"edition": "fail"},
        "Supported: Salesforce Enterprise, Performance, Unlimited or Developer Edition",
    ),
    "sandbox": ({"sandbox": "fail"}, "sandbox installations are not supported"),
    "view-only-admin": (
        {"permissions": "warn"},
        "View All Data but not Modify All Data: CRM sync works, activity write-back does not",
    ),
    "personal-admin": (
        {"integration_user": "warn"},
        "revoked when this person leaves or changes roles",
    ),
    "package-missing": ({"package": "fail"}, "Install \u201cSales Navigator for Salesforce\u201d"),
    "person-accounts": (
        {"person_accounts": "warn"},
        "excluded from CRM sync and activity write-back",
    ),
    "email-validation-rule": (
        {"validation_rules": "warn"},
        "Contact_Email_Required (\u201cEmail is required: every contact needs an email address",
    ),
    "api-limit-low": (
        {"api_limit": "warn"},
        "of 15,000 daily API requests are left: the sync slows down",
    ),
    "large-org": ({}, "120,000 contacts: the first sync reads them with Bulk API 2.0"),
}


def readiness_of(scenario, browser_factory):
    records = None if scenario in ("large-org", "healthy") else 300
    with (
        DemoOrgServer(
            paths.demo_org_dir(), port=0, scenario=scenario, records=records, announce=True
        ) as server,
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
    ):
        connect_demo(manager, browser_factory(server.endpoint.ca_cert))
        with manager.open_session() as session:
            return org_checks(session)


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_each_scenario_has_its_own_result(scenario):
    results = readiness_of(scenario, BrowserStandIn)

    differences, phrase = EXPECTED[scenario]
    statuses = {result.id: result.status.value for result in results}
    if differences == "only-api":
        assert statuses == {"api": "fail"}, "nothing else can be checked without the API"
    else:
        assert statuses == ALL_PASS | differences
    said = " ".join(f"{r.finding} {r.fix or ''}" for r in results)
    assert phrase in said
