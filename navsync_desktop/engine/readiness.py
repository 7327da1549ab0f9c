"""Step 3 of the guide: is the connected org ready for CRM sync and write-back?

Every check reads the org through the session; none changes anything there.
"""

from __future__ import annotations

from simple_salesforce import format_soql

from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.salesforce.errors import SalesforceApiError
from navsync_desktop.salesforce.session import SalesforceSession

SUPPORTED_EDITIONS = (
    "Enterprise Edition",
    "Performance Edition",
    "Unlimited Edition",
    "Developer Edition",
)
PROFESSIONAL_EDITION = "Professional Edition"
# The API's OrganizationType for editions that admins know by another name: Salesforce's
# "Team Edition" is Group Edition (and must not be confused with Sales Navigator Team).
EDITION_NAMES = {"Team Edition": "Group Edition", "Base Edition": "Essentials"}
LINKEDIN_NAMESPACE = "LID"
LOW_API_SHARE = 0.10  # below this share of the daily API requests left, the sync slows down
LARGE_OBJECT_ROWS = 50_000  # from this many contacts on, the CRM sync reads through Bulk API 2.0

_SUPPORTED_LIST = QT_TRANSLATE_NOOP(
    "Readiness",
    "Supported: Salesforce Enterprise, Performance, Unlimited or Developer Edition; "
    "Professional Edition with API access.",
)
_PROFESSIONAL_NEEDS_API = QT_TRANSLATE_NOOP(
    "Readiness",
    "Professional Edition needs API access (may cost extra; ask your Salesforce account team).",
)


def org_checks(session: SalesforceSession) -> list[CheckResult]:
    """All org checks. When the API is off, the checks that need it are not run: the
    one failure says what to do."""
    try:
        organization = session.query_all(
            "SELECT Id, Name, OrganizationType, IsSandbox FROM Organization"
        )[0]
    except SalesforceApiError as error:
        if error.error_code == "API_DISABLED_FOR_ORG":
            return [api_disabled()]
        raise
    return [
        api_enabled(),
        edition(organization["OrganizationType"]),
        not_sandbox(organization["IsSandbox"]),
        data_permissions(session),
        linkedin_package(session),
        person_accounts(session),
        integration_user(session),
        contact_validation_rules(session),
        api_requests_left(session),
        data_volume(session),
    ]


def not_connected(reason: Text | None = None) -> CheckResult:
    """The org cannot be checked; ``reason`` says why when it is not simply "no connection"
    (Salesforce refused the stored connection, say)."""
    return CheckResult(
        "connection",
        QT_TRANSLATE_NOOP("Readiness", "Connection to Salesforce"),
        Status.FAIL,
        reason or QT_TRANSLATE_NOOP("Readiness", "Not connected, so the org cannot be checked."),
        QT_TRANSLATE_NOOP("Readiness", "Go back to \u201cConnect to CRM\u201d and connect."),
        QT_TRANSLATE_NOOP(
            "Readiness", "Connect first: navsync-desktop connect (or connect --demo)."
        ),
    )


def api_disabled() -> CheckResult:
    return CheckResult(
        "api",
        QT_TRANSLATE_NOOP("Readiness", "API access"),
        Status.FAIL,
        QT_TRANSLATE_NOOP("Readiness", "The Salesforce API is not enabled for this org."),
        _PROFESSIONAL_NEEDS_API,
    )


def api_enabled() -> CheckResult:
    return CheckResult(
        "api",
        QT_TRANSLATE_NOOP("Readiness", "API access"),
        Status.PASS,
        QT_TRANSLATE_NOOP("Readiness", "The Salesforce API answers."),
    )


def edition(organization_type: str) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Readiness", "Salesforce edition")
    if organization_type in SUPPORTED_EDITIONS:
        return CheckResult(
            "edition",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "{edition} is supported.").format(
                edition=organization_type
            ),
        )
    if organization_type == PROFESSIONAL_EDITION:  # the API answered, so it has API access
        return CheckResult(
            "edition",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "Professional Edition with API access is supported."),
        )
    return CheckResult(
        "edition",
        title,
        Status.FAIL,
        QT_TRANSLATE_NOOP("Readiness", "{edition} is not supported.").format(
            edition=EDITION_NAMES.get(organization_type, organization_type)
        ),
        _SUPPORTED_LIST,
    )


def not_sandbox(is_sandbox: bool) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Readiness", "Production org")
    if not is_sandbox:
        return CheckResult(
            "sandbox",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "This is a production org."),
        )
    return CheckResult(
        "sandbox",
        title,
        Status.FAIL,
        QT_TRANSLATE_NOOP(
            "Readiness", "This org is a sandbox: sandbox installations are not supported."
        ),
        QT_TRANSLATE_NOOP("Readiness", "Disconnect and connect to your production org instead."),
    )


def view_and_modify_all_data(session: SalesforceSession) -> tuple[bool, bool]:
    """Whether the connected user has View All Data and Modify All Data, from the profile
    and every permission set (the profile's own permission set is among the assignments)."""
    assignments = session.query_all(
        format_soql(
            "SELECT PermissionSet.PermissionsViewAllData, PermissionSet.PermissionsModifyAllData "
            "FROM PermissionSetAssignment WHERE AssigneeId = {}",
            session.user_id,
        )
    )
    view_all = any(a["PermissionSet"]["PermissionsViewAllData"] for a in assignments)
    modify_all = any(a["PermissionSet"]["PermissionsModifyAllData"] for a in assignments)
    return view_all, modify_all


def data_permissions(session: SalesforceSession) -> CheckResult:
    """View All Data and Modify All Data."""
    view_all, modify_all = view_and_modify_all_data(session)
    title = QT_TRANSLATE_NOOP("Readiness", "View All Data and Modify All Data")
    if view_all and modify_all:
        return CheckResult(
            "permissions",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP(
                "Readiness", "The connected user has View All Data and Modify All Data."
            ),
        )
    fix = QT_TRANSLATE_NOOP(
        "Readiness",
        "In Salesforce Setup, give the connected user View All Data and Modify All Data "
        "(profile or permission set), then run the checks again.",
    )
    if view_all:
        return CheckResult(
            "permissions",
            title,
            Status.WARN,
            QT_TRANSLATE_NOOP(
                "Readiness",
                "The connected user has View All Data but not Modify All Data: CRM sync works, "
                "activity write-back does not.",
            ),
            fix,
        )
    return CheckResult(
        "permissions",
        title,
        Status.FAIL,
        QT_TRANSLATE_NOOP("Readiness", "The connected user does not have View All Data."),
        fix,
    )


def linkedin_package(session: SalesforceSession) -> CheckResult:
    packages = session.tooling_query(
        "SELECT SubscriberPackage.NamespacePrefix, SubscriberPackage.Name "
        "FROM InstalledSubscriberPackage"
    )
    installed = any(
        p["SubscriberPackage"]["NamespacePrefix"] == LINKEDIN_NAMESPACE for p in packages
    )
    title = QT_TRANSLATE_NOOP("Readiness", "Sales Navigator for Salesforce package")
    if installed:
        return CheckResult(
            "package",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "The package (namespace LID) is installed."),
        )
    return CheckResult(
        "package",
        title,
        Status.FAIL,
        QT_TRANSLATE_NOOP(
            "Readiness", "The package \u201cSales Navigator for Salesforce\u201d is not installed."
        ),
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Install \u201cSales Navigator for Salesforce\u201d from the AppExchange as the "
            "installation guide describes, then run the checks again.",
        ),
    )


def person_accounts(session: SalesforceSession) -> CheckResult:
    fields = {field["name"] for field in session.describe("Account")["fields"]}
    title = QT_TRANSLATE_NOOP("Readiness", "Person accounts")
    if "IsPersonAccount" not in fields:
        return CheckResult(
            "person_accounts",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "Person accounts are not enabled."),
        )
    return CheckResult(
        "person_accounts",
        title,
        Status.WARN,
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Person accounts are enabled: they are excluded from CRM sync and activity write-back.",
        ),
        QT_TRANSLATE_NOOP(
            "Readiness", "Nothing to change; activities of person accounts stay in Sales Navigator."
        ),
    )


def integration_user(session: SalesforceSession) -> CheckResult:
    user = session.query_all(
        format_soql(
            "SELECT Id, Name, Username, Profile.Name FROM User WHERE Id = {}", session.user_id
        )
    )[0]
    profile = (user.get("Profile") or {}).get("Name") or ""
    markers = " ".join([user["Name"], user["Username"], profile]).lower()
    title = QT_TRANSLATE_NOOP("Readiness", "Integration user")
    if "integration" in markers or "api only" in markers:
        return CheckResult(
            "integration_user",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "Connected as the integration user {username}.").format(
                username=user["Username"]
            ),
        )
    return CheckResult(
        "integration_user",
        title,
        Status.WARN,
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Connected as {name} ({username}), a personal account. Its credentials are revoked "
            "when this person leaves or changes roles, which stops the sync; and written-back "
            "activities show this user as creator while the seat holder is the owner.",
        ).format(name=user["Name"], username=user["Username"]),
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Recommended: create an integration user with View All Data and Modify All Data, "
            "then disconnect and connect again as that user. Settings are kept.",
        ),
    )


def contact_validation_rules(session: SalesforceSession) -> CheckResult:
    """Active Contact validation rules can keep Test Write-Back from creating its test
    contact (the guide's example: a rule that requires an email address)."""
    rules = session.tooling_query(
        format_soql(
            "SELECT ValidationName, ErrorMessage FROM ValidationRule "
            "WHERE Active = true AND EntityDefinitionId = {}",
            "Contact",
        )
    )
    title = QT_TRANSLATE_NOOP("Readiness", "Contact validation rules")
    if not rules:
        return CheckResult(
            "validation_rules",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Readiness", "No active validation rule on Contact."),
        )
    listed = "; ".join(f"{rule['ValidationName']} (“{rule['ErrorMessage']}”)" for rule in rules)
    return CheckResult(
        "validation_rules",
        title,
        Status.WARN,
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Active validation rules on Contact: {rules}. If a rule requires an email address, "
            "Test Write-Back cannot create its test contact.",
        ).format(rules=listed),
        QT_TRANSLATE_NOOP(
            "Readiness",
            "For the test, deactivate the rule temporarily; afterwards delete the test record "
            "in your CRM to remove it for good.",
        ),
    )


def api_requests_left(session: SalesforceSession) -> CheckResult:
    daily = session.limits()["DailyApiRequests"]
    remaining, maximum = daily["Remaining"], daily["Max"]
    title = QT_TRANSLATE_NOOP("Readiness", "API requests left today")
    counts = {"remaining": Number(remaining), "maximum": Number(maximum)}
    if maximum and remaining / maximum >= LOW_API_SHARE:
        return CheckResult(
            "api_limit",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP(
                "Readiness", "{remaining} of {maximum} daily API requests left."
            ).format(**counts),
        )
    return CheckResult(
        "api_limit",
        title,
        Status.WARN,
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Only {remaining} of {maximum} daily API requests are left: the sync slows down to "
            "stay within the limit and finishes when requests are available again; nothing is "
            "lost.",
        ).format(**counts),
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Nothing to change. Other integrations of the org share this limit; Salesforce "
            "resets it over 24 hours.",
        ),
    )


def data_volume(session: SalesforceSession) -> CheckResult:
    contacts = session.call(lambda sf: sf.query("SELECT COUNT() FROM Contact")["totalSize"])
    title = QT_TRANSLATE_NOOP("Readiness", "Amount of CRM data")
    if contacts < LARGE_OBJECT_ROWS:
        finding = QT_TRANSLATE_NOOP(
            "Readiness", "{count} contacts: the first sync reads them with the REST API."
        )
    else:
        finding = QT_TRANSLATE_NOOP(
            "Readiness",
            "{count} contacts: the first sync reads them with Bulk API 2.0 and shows its progress.",
        )
    return CheckResult("data_volume", title, Status.PASS, finding.format(count=Number(contacts)))
