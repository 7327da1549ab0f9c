"""A scenario built from a customer's support bundle (`demo-org serve --from-bundle ZIP`).

The demo org imports nothing from the app, so this reads the bundle's documented format
(README.md, "Support bundle") itself: ``manifest.json`` (format_version 1) and the org's shape
in ``org.json``. What the demo org cannot reproduce (a user without View All Data, a rule that
requires something other than a field's value) is listed in ``Replay.not_reproduced``.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .scenarios import (
    INTEGRATION_USERNAME,
    PERSONAL_ADMIN_USERNAME,
    VIEW_ONLY_ADMIN_USERNAME,
    ContactRule,
    Scenario,
)
from .seed import account_count, person_account_count

FORMAT_VERSIONS = (1,)
NAME = "from-bundle"
_NO_API_EDITION = "Professional Edition"  # the API answered nothing: the shape has no edition
_DEFAULT_CONTACTS = 5_000


class BundleUnreadable(ValueError):
    """Not a support bundle this demo org can replay; the message says why (one line)."""


@dataclass(frozen=True)
class Replay:
    scenario: Scenario
    not_reproduced: tuple[str, ...]


def read_shape(path: Path) -> tuple[dict, dict]:
    """(manifest, org shape) of the bundle at ``path``."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            org = json.loads(archive.read("org.json"))
    except FileNotFoundError:
        raise BundleUnreadable(f"{path}: no such file") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        why = f"{path} is not a NavSync Desktop support bundle ({error})"
        raise BundleUnreadable(why) from None
    if manifest.get("format_version") not in FORMAT_VERSIONS:
        raise BundleUnreadable(
            f"{path}: bundle format {manifest.get('format_version')!r} is not known here "
            f"(known: {', '.join(map(str, FORMAT_VERSIONS))})"
        )
    shape = org.get("shape") if isinstance(org, dict) else None
    if not isinstance(shape, dict):
        raise BundleUnreadable(
            f"{path} holds no org shape: it was made while not connected to the org, and no "
            "earlier check was known"
        )
    return manifest, shape


def replay_from_bundle(path: Path) -> Replay:
    manifest, shape = read_shape(Path(path))
    summary = (
        f"Replay of the support bundle {Path(path).name} "
        f"(org {shape.get('org_id', '?')}, made {manifest.get('created_at', '?')})"
    )
    if not shape.get("api_enabled", True):
        scenario = Scenario(
            NAME,
            summary,
            _NO_API_EDITION,
            api_enabled=False,
            daily_api_max=0,
            daily_api_remaining=0,
        )
        return Replay(scenario, ())
    missing: list[str] = []
    user = shape.get("user") or {}
    rules = []
    for rule in shape.get("contact_validation_rules") or []:
        field = rule.get("error_field")
        rules.append(ContactRule(rule["rule_name"], rule["error_message"], field or None))
        if not field:
            missing.append(f"validation rule {rule['rule_name']}: listed, but not enforced")
    scenario = Scenario(
        NAME,
        summary,
        shape["edition"],
        is_sandbox=bool(shape.get("is_sandbox")),
        person_accounts=bool(shape.get("person_accounts")),
        package_installed=bool(shape.get("package_installed")),
        login_username=_login_username(user, bool(shape.get("is_sandbox")), missing),
        daily_api_max=int(shape.get("daily_api_max") or 0),
        daily_api_remaining=int(shape.get("daily_api_remaining") or 0),
        default_contacts=_seeded_contacts(shape, bool(shape.get("person_accounts"))),
        contact_rules=tuple(rules),
    )
    return Replay(scenario, tuple(missing))


def _login_username(user: dict, is_sandbox: bool, missing: list[str]) -> str:
    """The demo user who is what the customer's connected user was: an integration user,
    one with View All Data but not Modify All Data, or a personal administrator."""
    view_all, modify_all = user.get("view_all_data", True), user.get("modify_all_data", True)
    if not view_all:
        missing.append("a user without View All Data (the demo logs in with View All Data)")
    if view_all and not modify_all:
        username = VIEW_ONLY_ADMIN_USERNAME
    elif user.get("integration_user", True):
        username = INTEGRATION_USERNAME
    else:
        username = PERSONAL_ADMIN_USERNAME
    return username + (".uat" if is_sandbox else "")  # sandbox copies rename usernames


def _seeded_contacts(shape: dict, person_accounts: bool) -> int:
    """How many contacts to seed so the org counts as many Contacts as the customer's (whose
    person accounts count as Contacts too)."""
    total = (shape.get("record_counts") or {}).get("Contact")
    if not isinstance(total, int) or total < 1:
        return _DEFAULT_CONTACTS
    if not person_accounts:
        return total
    records = total
    while records > 1 and records + person_account_count(account_count(records)) > total:
        records -= 1
    return records
