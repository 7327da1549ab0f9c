"""The support bundle (`support-bundle OUT.zip`, Help > Create support bundle…): collect,
redact, write. README.md ("Support bundle") lists what it holds and what it never holds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from navsync_desktop import credentials
from navsync_desktop.credentials import CredentialsError
from navsync_desktop.engine import bundle_collect as collect
from navsync_desktop.engine.bundle_redact import Redactor
from navsync_desktop.engine.bundle_write import Part, write_bundle
from navsync_desktop.engine.connection_state import ConnectionFailed
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce.errors import SalesforceError
from navsync_desktop.store import Store
from navsync_desktop.store.connection import ConnectionState

log = logging.getLogger(__name__)

DEFAULT_LOG_LINES = 2000
_STEPS = (
    QT_TRANSLATE_NOOP("SupportBundle", "reading the local data"),
    QT_TRANSLATE_NOOP("SupportBundle", "checking the org"),
    QT_TRANSLATE_NOOP("SupportBundle", "checking this computer"),
    QT_TRANSLATE_NOOP("SupportBundle", "masking and writing the bundle"),
)


class BundleError(RuntimeError):
    """The bundle cannot be written where asked; ``text`` says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class BundleProgress:
    done: int
    total: int
    step: Text

    def describe(self) -> Text:
        return QT_TRANSLATE_NOOP(
            "SupportBundle", "Support bundle: {step} ({done} of {total})"
        ).format(step=self.step, done=self.done + 1, total=self.total)


@dataclass(frozen=True)
class BundleResult:
    path: Path
    files: list[str]
    personal_data_masked: bool
    org_source: str  # checked_now, last_known or unavailable

    def summary(self) -> Text:
        if self.personal_data_masked:
            text = QT_TRANSLATE_NOOP(
                "SupportBundle", "Support bundle written to {path} (personal data masked)."
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "SupportBundle", "Support bundle written to {path} (personal data included)."
            )
        return text.format(path=str(self.path))

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "files": self.files,
            "personal_data_masked": self.personal_data_masked,
            "org_checks": self.org_source,
        }


def check_target(target: Path) -> Path:
    target = Path(target).expanduser()
    if target.suffix.lower() != ".zip":
        raise BundleError(
            QT_TRANSLATE_NOOP(
                "SupportBundle", "The support bundle must be a .zip file: {path}"
            ).format(path=str(target))
        )
    if not target.parent.is_dir():
        raise BundleError(
            QT_TRANSLATE_NOOP("SupportBundle", "The folder {folder} does not exist.").format(
                folder=str(target.parent)
            )
        )
    return target


def create_support_bundle(
    target: Path,
    store: Store,
    connection,
    *,
    include_personal_data: bool = False,
    log_line_count: int = DEFAULT_LOG_LINES,
    progress: Callable[[BundleProgress], None] | None = None,
) -> BundleResult:
    """Collect, redact and write the bundle to ``target`` (a .zip). ``connection``: the
    ConnectionManager; the org is checked now when it is connected."""
    target = check_target(target)

    def step(number: int) -> None:
        if progress is not None:
            progress(BundleProgress(number, len(_STEPS), _STEPS[number]))

    step(0)
    local = {
        "settings.json": collect.settings(store),
        "connection.json": collect.connection(store),
        "sync_history.json": collect.sync_history(store),
        "writeback.json": collect.writeback(store),
    }
    lines = collect.log_lines(log_line_count)
    step(1)
    org = _org(connection)
    step(2)
    environment = collect.environment()
    step(3)
    redactor = Redactor(
        include_personal_data=include_personal_data, secrets_known=_known_secrets(store)
    )
    documents = {**local, "org.json": org, "environment.json": environment}
    for document in (*documents.values(), _personal_values(store)):
        redactor.learn(document)
    parts = [
        Part(name, _DESCRIPTIONS[name], redactor.document(document))
        for name, document in documents.items()
    ]
    parts.append(
        Part("log.txt", _DESCRIPTIONS["log.txt"], [redactor.scrub(line) for line in lines])
    )
    created_at = collect.now_text()
    try:
        files = write_bundle(target, parts, created_at=created_at, masked=not include_personal_data)
    except OSError as error:
        log.warning("support bundle not written to %s", target, exc_info=True)
        text = QT_TRANSLATE_NOOP(
            "SupportBundle", "The support bundle could not be written to {path}: {reason}"
        )
        reason = error.strerror or str(error)
        raise BundleError(text.format(path=str(target), reason=reason)) from error
    log.info("support bundle written to %s (%d files)", target, len(files))
    return BundleResult(target, files, not include_personal_data, org["source"])


_DESCRIPTIONS = {
    "settings.json": "every setting with its value (defaults where none was chosen)",
    "connection.json": "the Salesforce connection's metadata: state, org and user ids, "
    "instance URL (no token)",
    "sync_history.json": f"the last {collect.SYNC_RUNS_KEPT} sync runs with counts, API usage "
    "and errors",
    "writeback.json": "activity write-back: counts by state, and the items that failed or "
    "wait for a retry, with Salesforce's message",
    "org.json": "org readiness checks (run now when connected, else the last known) and the "
    "org's shape: edition, API, permissions of the connected user, package, sandbox, person "
    "accounts, active Contact validation rules, daily API limit, record counts",
    "environment.json": "versions (app, Python, PySide6/Qt), OS, Qt platform, keyring backend, "
    "and the doctor's checks",
    "log.txt": "the last lines of the program's log",
}


def _org(connection) -> dict:
    record = connection.record()
    if record.state not in (ConnectionState.CONNECTED, ConnectionState.SYNCING):
        return collect.org_last_known(f"not connected ({record.state.value})")
    try:
        with connection.open_session() as session:
            return collect.org_now(session)
    except (SalesforceError, ConnectionFailed, CredentialsError) as error:
        log.info("support bundle: the org could not be checked: %s", error)
        return collect.org_last_known(str(error))


def _known_secrets(store: Store) -> list[str]:
    """The connection's refresh token, removed wherever it might stand (belt and braces: no
    part of the bundle reads it)."""
    org_id = collect.connection(store).get("org_id")
    if not org_id:
        return []
    try:
        kept = credentials.load(org_id)
    except CredentialsError:
        return []
    return [kept.refresh_token] if kept else []


def _personal_values(store: Store) -> dict:
    """Personal values the store knows, so that free text (the log, messages) is masked too:
    seat holders, the people of activities and hand mappings, the org's users."""
    db = store.connection
    return {
        "seats": [
            {"name": name, "email": email, "profile_url": url}
            for name, email, url in db.execute("SELECT name, email, profile_url FROM seats")
        ],
        "people": [
            {"person_name": name, "person_email": email, "person_url": url}
            for name, email, url in db.execute(
                "SELECT DISTINCT person_name, person_email, person_url FROM activities"
            )
        ],
        "mapped": [{"name": name} for (name,) in db.execute("SELECT name FROM person_mappings")],
        "users": [
            {"name": name, "email": email, "username": username}
            for name, email, username in db.execute("SELECT name, email, username FROM crm_user")
        ],
    }
