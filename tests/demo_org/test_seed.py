# ruff: noqa: S608 - the f-strings build SOQL for the store under test, not SQL
"""Seed data: deterministic, scaled by the record count, shaped by each scenario."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from navsync_desktop.demo_org.errors import ApiError
from navsync_desktop.demo_org.ids import checksum
from navsync_desktop.demo_org.scenarios import (
    DEFAULT_SCENARIO,
    EMAIL_RULE_MESSAGE,
    INTEGRATION_USERNAME,
    SCENARIOS,
)
from navsync_desktop.demo_org.schema import STAGE_NAMES
from navsync_desktop.demo_org.store import OrgStore

RECORDS = 1_000


def rows(store: OrgStore, soql: str, *, tooling: bool = False) -> list[dict]:
    cursor = store.tooling_query(soql) if tooling else store.query(soql)
    try:
        return [record for page in cursor.pages(5000) for record in page]
    finally:
        cursor.close()


def count(store: OrgStore, sobject: str) -> int:
    return store.query(f"SELECT COUNT() FROM {sobject}").total_size


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> OrgStore:
    store = OrgStore.open(tmp_path_factory.mktemp("seed") / "org.db", records=RECORDS)
    yield store
    store.close()


@pytest.fixture
def open_scenario(tmp_path: Path):
    """Opens small orgs of a scenario and closes them after the test."""
    opened: list[OrgStore] = []

    def open_org(name: str, records: int = 200) -> OrgStore:
        opened.append(OrgStore.open(tmp_path / f"{name}.db", scenario=name, records=records))
        return opened[-1]

    yield open_org
    for store in opened:
        store.close()


def login_permissions(store: OrgStore) -> dict[str, bool]:
    user = store.user_by_username(store.scenario.login_username)
    assigned = rows(
        store,
        "SELECT PermissionSet.PermissionsApiEnabled, PermissionSet.PermissionsViewAllData, "
        "PermissionSet.PermissionsModifyAllData FROM PermissionSetAssignment "
        f"WHERE AssigneeId = '{user['Id']}'",
    )
    names = ("PermissionsApiEnabled", "PermissionsViewAllData", "PermissionsModifyAllData")
    return {name: any(row["PermissionSet"][name] for row in assigned) for name in names}


def package_namespaces(store: OrgStore) -> set[str]:
    soql = "SELECT SubscriberPackage.NamespacePrefix FROM InstalledSubscriberPackage"
    return {row["SubscriberPackage"]["NamespacePrefix"] for row in rows(store, soql, tooling=True)}


# --- the default org ----------------------------------------------------------------------------


def test_seed_is_deterministic(tmp_path: Path, healthy: OrgStore):
    again = OrgStore.open(tmp_path / "again.db", records=RECORDS)
    soql = (
        "SELECT Id, Name, Email, Title, AccountId, Account.Name, OwnerId, "
        "LinkedIn_Profile_URL__c, LID__LinkedIn_Member_Token__c FROM Contact ORDER BY Id"
    )
    assert rows(again, soql) == rows(healthy, soql)
    opportunities = "SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunity ORDER BY Id"
    assert rows(again, opportunities) == rows(healthy, opportunities)
    again.close()


def test_counts_scale_with_records(healthy: OrgStore):
    assert count(healthy, "Contact") == RECORDS
    assert count(healthy, "Account") == RECORDS // 10
    assert count(healthy, "Lead") == RECORDS // 5
    assert count(healthy, "Opportunity") == RECORDS // 20
    assert count(healthy, "OpportunityContactRole") >= RECORDS // 20
    assert count(healthy, "Task") >= 10
    assert count(healthy, "ContentNote") == count(healthy, "ContentDocumentLink") > 0


def test_ids_have_key_prefixes_and_checksums(healthy: OrgStore):
    prefixes = {
        "Account": "001",
        "Contact": "003",
        "Lead": "00Q",
        "Opportunity": "006",
        "User": "005",
        "UserRole": "00E",
        "Profile": "00e",
        "PermissionSet": "0PS",
        "PermissionSetAssignment": "0Pa",
        "Task": "00T",
        "ContentNote": "069",
        "ContentDocumentLink": "06A",
        "Organization": "00D",
        "OpportunityStage": "01J",
        "OpportunityContactRole": "00K",
    }
    for sobject, prefix in prefixes.items():
        for row in rows(healthy, f"SELECT Id FROM {sobject} LIMIT 5"):
            assert row["Id"].startswith(prefix) and len(row["Id"]) == 18
            assert row["Id"][15:] == checksum(row["Id"][:15])


def test_opportunities_use_every_standard_stage(healthy: OrgStore):
    stages = rows(
        healthy,
        "SELECT MasterLabel, IsClosed, IsWon, DefaultProbability, SortOrder "
        "FROM OpportunityStage ORDER BY SortOrder",
    )
    assert [stage["MasterLabel"] for stage in stages] == list(STAGE_NAMES)
    won = [stage["MasterLabel"] for stage in stages if stage["IsWon"]]
    assert won == ["Closed Won"]
    used = {row["StageName"] for row in rows(healthy, "SELECT StageName FROM Opportunity")}
    assert used == set(STAGE_NAMES)
    won_values = rows(
        healthy, "SELECT Amount, Contract_Value_Net__c FROM Opportunity WHERE IsWon = true"
    )
    assert all(row["Amount"] and row["Contract_Value_Net__c"] for row in won_values)


def test_contacts_are_realistic(healthy: OrgStore):
    contacts = rows(
        healthy,
        "SELECT Email, Title, AccountId, LinkedIn_Profile_URL__c, "
        "LID__LinkedIn_Member_Token__c FROM Contact",
    )
    with_email = [c for c in contacts if c["Email"]]
    assert 0.9 < len(with_email) / len(contacts) < 1
    assert all(c["AccountId"] and c["Title"] for c in contacts)
    linked = [c for c in contacts if c["LinkedIn_Profile_URL__c"]]
    assert len(linked) > len(contacts) / 2
    assert all(
        c["LinkedIn_Profile_URL__c"].startswith("https://www.linkedin.com/in/") for c in linked
    )
    assert sum(1 for c in contacts if c["LID__LinkedIn_Member_Token__c"]) > len(contacts) / 2


def test_users_cover_integration_admin_reps_and_leavers(healthy: OrgStore):
    users = rows(healthy, "SELECT Name, Username, Email, IsActive, Profile.Name FROM User")
    by_name = {user["Name"]: user for user in users}
    assert by_name["Integration User"]["Username"] == INTEGRATION_USERNAME
    assert by_name["Dana Fischer"]["Profile"]["Name"] == "System Administrator"
    reps = [u for u in users if u["Profile"]["Name"] == "Standard User" and u["IsActive"]]
    assert 6 <= len(reps) <= 10
    assert all(u["Email"].endswith("@northwind-demo.example") for u in users)
    assert sum(1 for u in users if not u["IsActive"]) >= 2


def test_profiles_own_permission_sets_assigned_to_their_users(healthy: OrgStore):
    owned = rows(healthy, "SELECT ProfileId FROM PermissionSet WHERE IsOwnedByProfile = true")
    assert len(owned) == count(healthy, "Profile")
    assignments = rows(
        healthy,
        "SELECT AssigneeId FROM PermissionSetAssignment "
        "WHERE PermissionSet.IsOwnedByProfile = true",
    )
    assert len(assignments) == count(healthy, "User")


def test_system_modstamps_spread_over_months(healthy: OrgStore):
    stamps = [row["SystemModstamp"] for row in rows(healthy, "SELECT SystemModstamp FROM Contact")]
    now = datetime.now(UTC)
    assert max(stamps) < now.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    assert min(stamps) < (now - timedelta(days=120)).strftime("%Y-%m-%d")
    recent = healthy.query("SELECT COUNT() FROM Contact WHERE SystemModstamp = LAST_N_DAYS:30")
    assert 0 < recent.total_size < RECORDS


# --- scenarios ----------------------------------------------------------------------------------


def test_every_scenario_exists():
    assert DEFAULT_SCENARIO == "healthy"
    assert set(SCENARIOS) == {
        "healthy",
        "professional-no-api",
        "unsupported-edition",
        "sandbox",
        "view-only-admin",
        "personal-admin",
        "package-missing",
        "person-accounts",
        "email-validation-rule",
        "api-limit-low",
        "large-org",
        "flaky",
    }
    assert all(scenario.summary for scenario in SCENARIOS.values())
    assert SCENARIOS["large-org"].default_contacts >= 100_000


def test_healthy_org_passes_every_check(healthy: OrgStore):
    assert healthy.organization()["OrganizationType"] == "Enterprise Edition"
    assert healthy.scenario.api_enabled and not healthy.scenario.is_sandbox
    assert login_permissions(healthy) == dict.fromkeys(
        ("PermissionsApiEnabled", "PermissionsViewAllData", "PermissionsModifyAllData"), True
    )
    assert "LID" in package_namespaces(healthy)


def test_professional_without_api(open_scenario):
    store = open_scenario("professional-no-api")
    assert store.organization()["OrganizationType"] == "Professional Edition"
    assert store.scenario.api_enabled is False


def test_unsupported_edition(open_scenario):
    store = open_scenario("unsupported-edition")
    assert store.organization()["OrganizationType"] == "Team Edition"


def test_sandbox(open_scenario):
    store = open_scenario("sandbox")
    assert store.organization()["IsSandbox"] is True
    assert store.user_by_username(store.scenario.login_username) is not None
    assert store.scenario.login_username.endswith(".uat")


def test_view_only_admin_lacks_modify_all_data(open_scenario):
    store = open_scenario("view-only-admin")
    permissions = login_permissions(store)
    assert permissions["PermissionsViewAllData"] and permissions["PermissionsApiEnabled"]
    assert permissions["PermissionsModifyAllData"] is False


def test_personal_admin_logs_in_as_a_person(open_scenario):
    store = open_scenario("personal-admin")
    user = store.user_by_username(store.scenario.login_username)
    assert user["Name"] == "Dana Fischer"
    assert login_permissions(store)["PermissionsModifyAllData"] is True


def test_package_missing_removes_fields_and_the_package(open_scenario):
    store = open_scenario("package-missing")
    assert "LID" not in package_namespaces(store)
    assert package_namespaces(store)  # other packages are still installed
    for sobject in ("Contact", "Lead", "Account", "Task"):
        names = {field["name"] for field in store.describe(sobject)["fields"]}
        assert not any(name.startswith("LID__") for name in names)
    assert "LinkedIn_Profile_URL__c" in {f["name"] for f in store.describe("Contact")["fields"]}
    with pytest.raises(ApiError) as caught:
        store.query("SELECT LID__LinkedIn_Member_Token__c FROM Contact")
    assert caught.value.error_code == "INVALID_FIELD"


def test_person_accounts(open_scenario):
    store = open_scenario("person-accounts")
    assert "IsPersonAccount" in {f["name"] for f in store.describe("Account")["fields"]}
    people = store.query("SELECT COUNT() FROM Account WHERE IsPersonAccount = true").total_size
    assert people > 0
    contacts = store.query("SELECT COUNT() FROM Contact WHERE IsPersonAccount = true").total_size
    assert contacts == people
    healthy_fields = {f["name"] for f in open_scenario("healthy", 50).describe("Account")["fields"]}
    assert "IsPersonAccount" not in healthy_fields


def test_email_validation_rule(open_scenario):
    store = open_scenario("email-validation-rule")
    admin = store.user_by_username(INTEGRATION_USERNAME)["Id"]
    with pytest.raises(ApiError) as caught:
        store.create("Contact", {"LastName": "No Mail"}, user_id=admin)
    assert (caught.value.status, caught.value.error_code) == (
        400,
        "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    )
    assert caught.value.message == EMAIL_RULE_MESSAGE
    contact_id = store.create(
        "Contact", {"LastName": "Mail", "Email": "m@x.example"}, user_id=admin
    )
    with pytest.raises(ApiError):
        store.update("Contact", contact_id, {"Email": None}, user_id=admin)
    store.create("Lead", {"LastName": "Leads are exempt", "Company": "X"}, user_id=admin)


def test_api_limit_low(open_scenario):
    store = open_scenario("api-limit-low")
    remaining = store.limits()["DailyApiRequests"]["Remaining"]
    assert 0 < remaining <= 1000


def test_large_org_seeds_its_default_without_records(tmp_path: Path, monkeypatch):
    # the real default is 120,000 contacts; a smaller default keeps the test quick
    small = replace(SCENARIOS["large-org"], default_contacts=3_000)
    monkeypatch.setitem(SCENARIOS, "large-org", small)
    store = OrgStore.open(tmp_path / "large.db", scenario="large-org")
    assert count(store, "Contact") == 3_000
    store.close()
