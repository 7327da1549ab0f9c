"""Step 1 of the guide: what must be true on this computer and in the contract."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import webbrowser
from enum import StrEnum
from pathlib import Path

from navsync_desktop import credentials
from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, settings

CONTRACT_SETTING = "salesnav.contract"
SEAT_SETTING = "salesnav.admin_seat"


class Contract(StrEnum):
    """Sales Navigator contract editions, by today's names. Team is now called Advanced and
    Enterprise Advanced Plus: one edition each, so one choice each."""

    CORE = "core"
    ADVANCED = "advanced"
    ADVANCED_PLUS = "advanced_plus"

    @classmethod
    def parse(cls, value: str) -> Contract:
        """Today's name or the former one ("team", "enterprise", "professional")."""
        return cls(_FORMER_CONTRACT_NAMES.get(value, value))


_FORMER_CONTRACT_NAMES = {"professional": "core", "team": "advanced", "enterprise": "advanced_plus"}


class AdminSeat(StrEnum):
    ADMIN_AND_TEAM_MEMBER = "admin_team_member"
    ADMIN_ONLY = "admin_only"


CRM_SYNC_CONTRACTS = {Contract.ADVANCED, Contract.ADVANCED_PLUS}

CONTRACT_LABELS: dict[Contract, Text] = {
    Contract.CORE: QT_TRANSLATE_NOOP("Prerequisites", "Core (formerly Professional)"),
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
    """What the admin told us about the Sales Navigator contract and their seat (a contract
    stored under its former name reads as today's)."""
    contract = settings.get(store, CONTRACT_SETTING)
    if contract is not None:
        contract = Contract.parse(contract).value
    return contract, settings.get(store, SEAT_SETTING)


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
        webbrowser.get()
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
    name = default_browser_name()
    if name:
        finding = QT_TRANSLATE_NOOP(
            "Prerequisites",
            "The Salesforce sign-in opens in {browser}. It needs JavaScript switched on.",
        ).format(browser=name)
    else:
        finding = QT_TRANSLATE_NOOP(
            "Prerequisites",
            "The Salesforce sign-in opens in your default browser. It needs JavaScript "
            "switched on.",
        )
    return CheckResult("browser", title, Status.PASS, finding)


def default_browser_name() -> str | None:
    """The browser's own name ("Chromium", "Firefox"), where this system tells it."""
    chosen = os.environ.get("BROWSER")
    if chosen:  # the user's explicit choice: its program name
        first = shlex.split(chosen.split(os.pathsep)[0] or " ")[:1]
        return Path(first[0]).name if first else None
    if not sys.platform.startswith("linux") or not shutil.which("xdg-settings"):
        return None
    try:
        desktop_id = subprocess.run(
            ["xdg-settings", "get", "default-web-browser"],  # noqa: S607 - found on PATH above
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return _desktop_entry_name(desktop_id) if desktop_id.endswith(".desktop") else None


def _desktop_entry_name(desktop_id: str) -> str | None:
    """The Name= of an installed .desktop entry, from the XDG data folders."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    for folder in [data_home, *data_dirs.split(":")]:
        entry = Path(folder) / "applications" / desktop_id
        if entry.is_file():
            parser = configparser.RawConfigParser(strict=False, interpolation=None)
            try:
                parser.read(entry, encoding="utf-8")
                return parser.get("Desktop Entry", "Name")
            except (configparser.Error, UnicodeDecodeError):
                return None
    return desktop_id.removesuffix(".desktop")


def check_contract(value: str | None) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Prerequisites", "Sales Navigator contract")
    supported = QT_TRANSLATE_NOOP(
        "Prerequisites",
        "CRM sync needs Sales Navigator Advanced or Advanced Plus (formerly Team or Enterprise).",
    )
    if value is None:
        return CheckResult(
            "contract",
            title,
            Status.FAIL,
            QT_TRANSLATE_NOOP("Prerequisites", "The contract edition has not been chosen yet."),
            QT_TRANSLATE_NOOP("Prerequisites", "Choose your contract above."),
            QT_TRANSLATE_NOOP(
                "Prerequisites",
                "Declare it: navsync-desktop settings set salesnav.contract advanced_plus "
                "(or advanced).",
            ),
        )
    contract = Contract.parse(value)
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
            QT_TRANSLATE_NOOP("Prerequisites", "Choose your seat above."),
            QT_TRANSLATE_NOOP(
                "Prerequisites",
                "Declare it: navsync-desktop settings set salesnav.admin_seat admin_team_member "
                "(or admin_only).",
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
