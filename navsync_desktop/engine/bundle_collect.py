"""What a support bundle holds, collected as plain JSON-able documents (not yet redacted).

Each function reads one part: the store (settings, connection metadata, sync history, the
write-back's errors), the log, this machine, and the connected org (readiness checks and the
org's shape). The org's part is remembered in the data folder whenever it is read (and the
checks whenever `check` or the wizard runs them), so that a bundle made while not connected
still shows the last known readiness.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
from collections import deque
from datetime import UTC, datetime
from importlib import metadata

from simple_salesforce import format_soql

from navsync_desktop import __version__, credentials, paths
from navsync_desktop.engine import readiness, settings_catalog
from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.engine.crm_objects import OBJECTS
from navsync_desktop.logs import log_file
from navsync_desktop.private_files import private_opener
from navsync_desktop.salesforce.errors import SalesforceApiError
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store, sync_runs
from navsync_desktop.store import activities as stored_activities
from navsync_desktop.store import connection as stored_connection

log = logging.getLogger(__name__)

LAST_ORG_CHECKS_FILE = "last-org-checks.json"
SYNC_RUNS_KEPT = 50
WRITEBACK_ERRORS_KEPT = 200
_ERROR_STATES = ("failed",)


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def settings(store: Store) -> dict:
    return settings_catalog.show(store)


def connection(store: Store) -> dict:
    """The connection's metadata; the tokens are in the keyring and never read here."""
    return stored_connection.load(store).to_json()


def sync_history(store: Store) -> list[dict]:
    return [
        {
            "id": run.id,
            "kind": "full" if run.full else "incremental",
            "status": run.status,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "error": str(run.error) if run.error else None,
            "paused": run.paused,
            "objects": run.objects,
            "http_requests": run.http_requests,
            "api_used_before": run.api_used_before,
            "api_used_after": run.api_used_after,
            "api_max": run.api_max,
        }
        for run in sync_runs.history(store, SYNC_RUNS_KEPT)
    ]


def writeback(store: Store) -> dict:
    """Counts by state, and the newest items that failed or wait for a retry after an error,
    with Salesforce's message."""
    rows = stored_activities.rows(
        store,
        "activity.state IN ('failed') OR activity.error_code IS NOT NULL",
    )[-WRITEBACK_ERRORS_KEPT:]
    errors = []
    for row in rows:
        message = stored_activities.message_text(row["message"])
        errors.append(
            {
                "id": row["id"],
                "kind": row["kind"],
                "state": row["state"],
                "error_code": row["error_code"],
                "message": str(message) if message else None,
                "attempts": row["attempts"],
                "occurred_at": row["occurred_at"],
                "updated_at": row["updated_at"],
                "seat_email": row["seat_email"],
                "seat_name": row["seat_name"],
                "person_name": row["person_name"],
                "person_email": row["person_email"],
                "person_url": row["person_url"],
                "subject": row["subject"],
                "content": row["content"],
                "match_sobject": row["match_sobject"],
                "match_id": row["match_id"],
                "record_id": row["record_id"],
            }
        )
    return {"counts": stored_activities.counts_by_state(store), "errors": errors}


def log_lines(count: int) -> list[str]:
    """The last ``count`` lines of the log (the rotated file before it when needed)."""
    current = log_file()
    kept: deque[str] = deque(maxlen=count)
    for path in (current.with_name(current.name + ".1"), current):
        try:
            with path.open(encoding="utf-8", errors="replace") as lines:
                kept.extend(line.rstrip("\n") for line in lines)
        except OSError:
            continue
    return list(kept)


def environment() -> dict:
    from navsync_desktop.engine import doctor  # runs a Qt probe in a child process

    return {
        "app_version": __version__,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "os": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "pyside6": _version("PySide6-Essentials"),
        "qt_platform_env": os.environ.get("QT_QPA_PLATFORM"),
        "keyring_backend": str(credentials.describe_backend()),
        "keyring_backend_class": credentials.backend_name(),
        "simple_salesforce": _version("simple-salesforce"),
        "doctor": [result.to_json() for result in doctor.run_doctor()],
    }


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# the org


def org_now(session: SalesforceSession) -> dict:
    """Readiness checks run now, and the org's shape; remembered for later bundles."""
    checks = readiness.org_checks(session)
    checked_at = now_text()
    found = {
        "source": "checked_now",
        "checked_at": checked_at,
        "checks": [result.to_json() for result in checks],
        "shape_checked_at": checked_at,
        "shape": org_shape(session, checks),
    }
    _remember(found)
    return found


def remember_checks(checks: list[CheckResult]) -> None:
    """Keep the results of a readiness check run elsewhere (`check`, the wizard) as the last
    known; the org's shape stays as the last bundle read it (with its own time)."""
    kept = _last_known() or {"shape": None, "shape_checked_at": None}
    _remember({**kept, "checked_at": now_text(), "checks": [c.to_json() for c in checks]})


def org_last_known(why: str) -> dict:
    """The org's part as last read, or what is known: that it could not be read now."""
    kept = _last_known()
    if kept is None:
        return {"source": "unavailable", "why_not_checked": why, "checks": [], "shape": None}
    return {**kept, "source": "last_known", "why_not_checked": why}


def _last_known() -> dict | None:
    try:
        kept = json.loads((paths.data_dir() / LAST_ORG_CHECKS_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return kept if isinstance(kept, dict) else None


def _remember(found: dict) -> None:
    path = paths.data_dir() / LAST_ORG_CHECKS_FILE
    try:
        with open(path, "w", encoding="utf-8", opener=private_opener) as file:
            json.dump(found, file, ensure_ascii=False)
    except OSError as error:  # only a later bundle misses it
        log.warning("could not remember the org checks: %s", error)


def org_shape(session: SalesforceSession, checks: list[CheckResult]) -> dict:
    """What a demo org needs to be set up like this one (see demo_org.bundle_scenario)."""
    status = {result.id: result.status for result in checks}
    if status.get("api") is Status.FAIL:
        return {"api_enabled": False}
    organization = session.query_all(
        "SELECT Id, Name, OrganizationType, IsSandbox, InstanceName FROM Organization"
    )[0]
    view_all, modify_all = readiness.view_and_modify_all_data(session)
    user = session.query_all(
        format_soql(
            "SELECT Id, Name, Username, Profile.Name FROM User WHERE Id = {}", session.user_id
        )
    )[0]
    daily = session.limits()["DailyApiRequests"]
    return {
        "api_enabled": True,
        "org_id": organization["Id"],
        "org_name": organization["Name"],
        "edition": organization["OrganizationType"],
        "is_sandbox": bool(organization["IsSandbox"]),
        "instance_name": organization.get("InstanceName"),
        "user": {
            "id": user["Id"],
            "name": user["Name"],
            "username": user["Username"],
            "profile": (user.get("Profile") or {}).get("Name"),
            "view_all_data": view_all,
            "modify_all_data": modify_all,
            "integration_user": status.get("integration_user") is Status.PASS,
        },
        "package_installed": status.get("package") is Status.PASS,
        "person_accounts": status.get("person_accounts") is Status.WARN,
        "contact_validation_rules": _contact_rules(session),
        "daily_api_max": daily["Max"],
        "daily_api_remaining": daily["Remaining"],
        "record_counts": _record_counts(session),
    }


def _contact_rules(session: SalesforceSession) -> list[dict]:
    """Active Contact rules; ErrorDisplayField is the field the rule points at, which for a
    "required field" rule is what it requires."""
    rules = session.tooling_query(
        format_soql(
            "SELECT ValidationName, ErrorMessage, ErrorDisplayField FROM ValidationRule "
            "WHERE Active = true AND EntityDefinitionId = {}",
            "Contact",
        )
    )
    return [
        {
            "rule_name": rule["ValidationName"],
            "error_message": rule["ErrorMessage"],
            "error_field": rule.get("ErrorDisplayField"),
        }
        for rule in rules
    ]


def _record_counts(session: SalesforceSession) -> dict[str, int | None]:
    counts: dict[str, int | None] = {}
    for crm_object in OBJECTS:
        soql = format_soql("SELECT COUNT() FROM {:literal}", crm_object.sobject)
        try:
            counts[crm_object.sobject] = session.call(lambda sf, q=soql: sf.query(q)["totalSize"])
        except SalesforceApiError as error:  # an object the user cannot read: say so
            log.info("no count of %s: %s", crm_object.sobject, error)
            counts[crm_object.sobject] = None
    return counts
