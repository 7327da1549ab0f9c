"""Named scenarios: each one a documented situation of a customer's org (SPEC.md's table).

`flaky` has the healthy org's data; its faults come from the server (faults.py), which reads
``fault_rate`` here as the default share of API requests that meet one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

DEFAULT_SCENARIO = "healthy"
DEMO_PASSWORD = "Northwind-Demo-2026"  # noqa: S105 - the documented password of every demo user
DOMAIN = "northwind-demo.example"
INTEGRATION_USERNAME = f"integration@{DOMAIN}"
PERSONAL_ADMIN_USERNAME = f"dana.fischer@{DOMAIN}"
VIEW_ONLY_ADMIN_USERNAME = f"reporting.integration@{DOMAIN}"

ENTERPRISE_API_MAX = 115_000
EMAIL_RULE_MESSAGE = (
    "Email is required: every contact needs an email address "
    "(validation rule Contact_Email_Required)."
)


@dataclass(frozen=True)
class ContactRule:
    """An active Contact validation rule; with ``required_field`` the org refuses a Contact
    without a value there, with the rule's message (the only kind of rule the demo runs)."""

    name: str
    message: str
    required_field: str | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    edition: str
    api_enabled: bool = True
    is_sandbox: bool = False
    person_accounts: bool = False
    package_installed: bool = True
    login_username: str = INTEGRATION_USERNAME
    contact_email_required: bool = False
    daily_api_max: int = ENTERPRISE_API_MAX
    daily_api_remaining: int = ENTERPRISE_API_MAX - 812
    default_contacts: int = 5_000
    fault_rate: float = 0.0
    contact_rules: tuple[ContactRule, ...] = ()  # more rules (a replayed support bundle's)


_ALL = [
    Scenario(
        "healthy",
        "Enterprise Edition, integration user with View All + Modify All Data, package installed",
        "Enterprise Edition",
    ),
    Scenario(
        "professional-no-api",
        "Professional Edition without API access: every API call answers API_DISABLED_FOR_ORG",
        "Professional Edition",
        api_enabled=False,
        daily_api_max=0,
        daily_api_remaining=0,
    ),
    Scenario(
        "unsupported-edition",
        "Group Edition (OrganizationType 'Team Edition'), not supported by the integration",
        "Team Edition",
    ),
    Scenario(
        "sandbox",
        "A sandbox org (IsSandbox = true); sandbox installations are not supported",
        "Enterprise Edition",
        is_sandbox=True,
        login_username=f"{INTEGRATION_USERNAME}.uat",
    ),
    Scenario(
        "view-only-admin",
        "The connecting user has View All Data but not Modify All Data",
        "Enterprise Edition",
        login_username=VIEW_ONLY_ADMIN_USERNAME,
    ),
    Scenario(
        "personal-admin",
        "The connecting user is a personal System Administrator, not an integration user",
        "Enterprise Edition",
        login_username=PERSONAL_ADMIN_USERNAME,
    ),
    Scenario(
        "package-missing",
        "The 'Sales Navigator for Salesforce' package (namespace LID) is not installed",
        "Enterprise Edition",
        package_installed=False,
    ),
    Scenario(
        "person-accounts",
        "Person accounts are enabled; some accounts are person accounts",
        "Enterprise Edition",
        person_accounts=True,
    ),
    Scenario(
        "email-validation-rule",
        "A Contact validation rule requires Email on every create and update",
        "Enterprise Edition",
        contact_email_required=True,
    ),
    Scenario(
        "api-limit-low",
        "Only a few DailyApiRequests are left today",
        "Enterprise Edition",
        daily_api_max=15_000,
        daily_api_remaining=400,
    ),
    Scenario(
        "large-org",
        "120,000 contacts: big enough for Bulk API 2.0",
        "Enterprise Edition",
        default_contacts=120_000,
    ),
    Scenario(
        "flaky",
        "Healthy data, but 20% of API requests meet 5xx, resets, slow answers, "
        "REQUEST_LIMIT_EXCEEDED or an expired session",
        "Enterprise Edition",
        fault_rate=0.2,
    ),
]

SCENARIOS: dict[str, Scenario] = {scenario.name: scenario for scenario in _ALL}


def scenario_to_json(scenario: Scenario) -> str:
    """The scenario as kept in the org file, so that an org seeded from a scenario that is not
    a named one (a replayed bundle) opens again as it was seeded."""
    return json.dumps(asdict(scenario))


def scenario_from_json(text: str) -> Scenario:
    values = json.loads(text)
    rules = tuple(ContactRule(**rule) for rule in values.pop("contact_rules", ()))
    return Scenario(**values, contact_rules=rules)
