"""Demo reset: the demo back to its seeded state (Help > Reset demo… in the GUI).

The demo connection is disconnected (its token revoked at the demo org, its keyring entry
removed), the local store's data cleared, and the demo org seeded anew with its logins gone.
A demo org that another process serves (`demo-org serve`) is not reseeded under it: swapping
its file would break that server's open connections and Bulk jobs, and the person who started
it sees and controls it in its terminal; the result says to restart it with --reset.
A connection to a real org is never touched. No Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store.connection import ConnectionState

log = logging.getLogger(__name__)


class DemoResetRefused(RuntimeError):
    """The reset would touch what it must not (a real org's connection) or what is busy."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class DemoResetResult:
    org_reseeded: bool
    served_at: str | None = None  # the other process's demo org that was not reseeded
    served_by_pid: int | None = None

    def summary(self) -> Text:
        if self.org_reseeded:
            return QT_TRANSLATE_NOOP(
                "DemoReset",
                "The demo is reset: the demo org is seeded anew, the local data is cleared and "
                "the demo login is removed from the keyring.",
            )
        return QT_TRANSLATE_NOOP(
            "DemoReset",
            "The local data is cleared and the demo login is removed from the keyring. The demo "
            "org at {url} (process {pid}) was not seeded anew: stop it and start it again with "
            "navsync-desktop demo-org serve --reset.",
        ).format(url=self.served_at or "?", pid=self.served_by_pid or "?")

    def to_json(self) -> dict:
        return {
            "org_reseeded": self.org_reseeded,
            "served_at": self.served_at,
            "served_by_pid": self.served_by_pid,
        }


def reset_demo(manager: ConnectionManager) -> DemoResetResult:
    """Reset the demo of ``manager``'s store; ``manager.demo_org`` is the DemoOrgLauncher the
    program handed in. DemoResetRefused when the store belongs to a real org's connection."""
    from navsync_desktop.demo_org.runtime import DemoOrgBusyError

    _check_resettable(manager)
    launcher = manager.demo_org
    if launcher is None or not hasattr(launcher, "reset"):
        raise DemoResetRefused(
            QT_TRANSLATE_NOOP("DemoReset", "The demo org is not available here. Nothing changed.")
        )
    manager.disconnect(purge=True)  # revoke, remove the keyring entry, clear the local data
    try:
        scenario = launcher.reset()
    except DemoOrgBusyError as error:
        log.info("demo reset: the demo org is served by process %s, not reseeded", error.pid)
        return DemoResetResult(False, error.instance_url, error.pid)
    log.info("demo reset: local data cleared, demo org seeded anew (%s)", scenario)
    return DemoResetResult(True)


def forget_demo_connection(manager: ConnectionManager) -> bool:
    """The local half of a demo reset, for `demo-org serve --reset`, which seeds the org anew
    itself (that ends every grant, so the revocation may fail unseen): the demo login leaves
    the keyring and the local data is cleared. False, with nothing changed, when the local
    data belongs to a real org."""
    record = manager.record()
    if record.org_id and not record.is_demo:
        return False
    _check_resettable(manager)
    manager.disconnect(purge=True)
    log.info("demo reset: local data cleared before the demo org is seeded anew")
    return True


def _check_resettable(manager: ConnectionManager) -> None:
    record = manager.record()
    if record.org_id and not record.is_demo:
        raise DemoResetRefused(
            QT_TRANSLATE_NOOP(
                "DemoReset",
                "Demo reset refused: the local data belongs to the Salesforce org {org_id}, not "
                "to the demo org. Nothing was changed.",
            ).format(org_id=record.org_id)
        )
    if record.state in (ConnectionState.CONNECTING, ConnectionState.SYNCING):
        raise DemoResetRefused(
            QT_TRANSLATE_NOOP(
                "DemoReset", "Wait until the connection or sync in progress has finished."
            )
        )
