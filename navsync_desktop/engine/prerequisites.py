"""Step 1 of the guide: what must be true on this computer and in the contract."""

from __future__ import annotations

import webbrowser
from enum import StrEnum

from navsync_desktop import credentials
from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, settings

CONTRACT_SETTING = "salesnav.contract"
SEAT_SETTING = "salesnav.admin_seat"


class Contract(StrEnum):
    """Sales Navigator contract editions; Team and Enterprise are now Advanced and Advanced Plus."""

    CORE = "core"
    TEAM = "team"
    ENTERPRISE = "enterprise"
    ADVANCED = "advanced"
    ADVANCED_PLUS = "advanced_plus"


class AdminSeat(StrEnum):
    ADMIN_AND_TEAM_MEMBER = "admin_team_member"
    ADMIN_ONLY = "admin_only"


CRM_SYNC_CONTRACTS = {Contract.TEAM, Contract.ENTERPRISE, Contract.ADVANCED, Contract.ADVANCED_PLUS}

CONTRACT_LABELS: dict[Contract, Text] = {
    Contract.CORE: QT_TRANSLATE_NOOP("Prerequisites", "Core (formerly Professional)"),
    Contract.TEAM: QT_TRANSLATE_NOOP("Prerequisites", "Team"),
    Contract.ENTERPRISE: QT_TRANSLATE_NOOP("Prerequisites", "Enterprise"),
    Contract.ADVANCED: QT_TRANSLATE_NOOP("Prerequisites", "Advanced (formerly Team)"),
    Contract.ADVANCED_PLUS: QT_TRANSLATE_NOOP(
        "Prerequisites", "Advanced Plus (formerly Enterprise)"
    ),
}
SEAT_LABELS: dict[AdminSeat, Text] = {
    AdminSeat.ADMIN_AND_TEAM_MEMBER: QT_TRANSLATE_NOOP("Prerequisites", "Admin + Team member"),
    AdminSeat.ADMIN_ONLY: QT_TRANSLATE_NOOP("Prerequisites", "Admin only"),
}


def declared_contract_and_seat(store: Store) -> tuple[str | None, str | None]:
    """What the admin told us about the Sales Navigator contract and their seat."""
    return settings.get(store, CONTRACT_SETTING), settings.get(store, SEAT_SETTING)


def local_checks(contract: str | None, seat: str | None) -> list[CheckResult]:
    """Runs off the GUI thread: the keyring probe may wait on D-Bus."""
    return [check_keyring(), check_browser(), check_contract(contract), check_admin_seat(seat)]


def check_keyring() -> CheckResult:
    health = credentials.keyring_health()
    return CheckResult(
        "keyring",
        QT_TRANSLATE_NOOP("Prerequisites", "Keyring for the Salesforce credentials"),
        Status.PASS if health.usable else Status.FAIL,
        health.finding,
        health.fix,
    )


def check_browser() -> CheckResult:
    title = QT_TRANSLATE_NOOP("Prerequisites", "Web browser with JavaScript")
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return CheckResult(
            "browser",
            title,
            Status.WARN,
            QT_TRANSLATE_NOOP("Prerequisites", "No web browser can be opened from here."),
            QT_TRANSLATE_NOOP(
                "Prerequisites",
                "Install a browser, or copy the sign-in link from the Connect step into a "
                "browser on this computer.",
            ),
        )
    name = getattr(browser, "name", "") or type(browser).__name__
    return CheckResult(
        "browser",
        title,
        Status.PASS,
        QT_TRANSLATE_NOOP("Prerequisites", "The sign-in page opens in {browser}.").format(
            browser=name
        ),
    )


def check_contract(value: str | None) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Prerequisites", "Sales Navigator contract")
    supported = QT_TRANSLATE_NOOP(
        "Prerequisites",
        "CRM sync needs Sales Navigator Team or Enterprise (now Advanced or Advanced Plus).",
    )
    if value is None:
        return CheckResult(
            "contract",
            title,
            Status.FAIL,
            QT_TRANSLATE_NOOP("Prerequisites", "The contract edition has not been chosen yet."),
            QT_TRANSLATE_NOOP(
                "Prerequisites",
                "Choose it on the Prerequisites page, or: navsync-desktop settings set "
                "salesnav.contract advanced_plus",
            ),
        )
    contract = Contract(value)
    label = CONTRACT_LABELS[contract]
    if contract in CRM_SYNC_CONTRACTS:
        return CheckResult(
            "contract",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP("Prerequisites", "{edition} includes CRM sync.").format(
                edition=label
            ),
        )
    return CheckResult(
        "contract",
        title,
        Status.FAIL,
        QT_TRANSLATE_NOOP("Prerequisites", "{edition} does not include CRM sync.").format(
            edition=label
        ),
        supported,
    )


def check_admin_seat(value: str | None) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Prerequisites", "Your Sales Navigator seat")
    if value is None:
        return CheckResult(
            "seat",
            title,
            Status.FAIL,
            QT_TRANSLATE_NOOP("Prerequisites", "Your seat type has not been chosen yet."),
            QT_TRANSLATE_NOOP(
                "Prerequisites",
                "Choose it on the Prerequisites page, or: navsync-desktop settings set "
                "salesnav.admin_seat admin_team_member",
            ),
        )
    if AdminSeat(value) is AdminSeat.ADMIN_AND_TEAM_MEMBER:
        return CheckResult(
            "seat",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP(
                "Prerequisites", "Admin + Team member: you can configure and verify everything."
            ),
        )
    return CheckResult(
        "seat",
        title,
        Status.WARN,
        QT_TRANSLATE_NOOP(
            "Prerequisites",
            "Admin only: you can configure CRM sync, but cannot verify the full "
            "functionality for other roles.",
        ),
        QT_TRANSLATE_NOOP(
            "Prerequisites",
            "To verify everything, use an Admin + Team member seat (assign it in Seat Management).",
        ),
    )
