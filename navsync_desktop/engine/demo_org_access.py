"""The demo org as the connection sees it: an endpoint handed in by the caller (the CLI or the
GUI start it; the engine never starts servers), the CA to pin for demo connections, and the
address a demo connection answers on now. No Qt."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from navsync_desktop.credentials import SalesforceCredentials
from navsync_desktop.engine.connection_state import ConnectionFailed
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.store.connection import ConnectionRecord

log = logging.getLogger(__name__)


class DemoOrgEndpoint(Protocol):
    """What the app needs of the demo org: its API, where a browser logs in, its client id,
    the CA to pin."""

    instance_url: str
    login_url: str  # the token endpoint's host (HTTPS, pinned)
    browser_url: str  # where the browser opens the login page (plain HTTP on loopback)
    client_id: str
    ca_cert: Path


# () -> the running demo org's endpoint (started if need be)
DemoOrgSource = Callable[[], DemoOrgEndpoint]


class DemoOrgAccess:
    def __init__(self, source: DemoOrgSource | None) -> None:
        self._source = source

    def endpoint(self) -> DemoOrgEndpoint:
        """The running demo org (started by the source if need be); ConnectionFailed with
        what to do when it cannot run."""
        if self._source is None:
            raise ConnectionFailed(
                QT_TRANSLATE_NOOP(
                    "Connection",
                    "This connection is to the demo org, which is not available here. Start "
                    "NavSync Desktop with --demo.",
                )
            )
        try:
            return self._source()
        except OSError as error:
            log.warning("the demo org could not be started: %s", error)
            raise demo_org_failure(error) from error

    def ca_cert_for(self, record: ConnectionRecord) -> Path | None:
        """The CA to pin: the demo org's own for a demo connection, the system's otherwise."""
        return self.endpoint().ca_cert if record.is_demo else None

    def reachable(
        self, kept: SalesforceCredentials, record: ConnectionRecord
    ) -> SalesforceCredentials:
        """The credentials with the address the org answers on now: the demo org's address
        is wherever it runs (its port may have changed); a real org's is the one it gave."""
        if not record.is_demo:
            return kept
        return replace(kept, instance_url=self.endpoint().instance_url)


def demo_org_failure(error: OSError) -> ConnectionFailed:
    """Why the demo org could not start, and what to do, in one line for each front end."""
    if error.errno == errno.EADDRINUSE:
        port = getattr(error, "port", None)
        return ConnectionFailed(
            QT_TRANSLATE_NOOP(
                "Connection",
                "The demo org cannot start: another program uses port {port} on 127.0.0.1. "
                "Choose another demo org port on the Connect to CRM page.",
            ).format(port=port),
            QT_TRANSLATE_NOOP(
                "Connection",
                "The demo org cannot start: another program uses port {port} on 127.0.0.1. "
                "Choose another port with --demo-port.",
            ).format(port=port),
        )
    if error.errno == errno.EBUSY:
        return ConnectionFailed(
            QT_TRANSLATE_NOOP(
                "Connection",
                "The demo org is being started by another NavSync Desktop and does not answer "
                "yet. Wait a moment and try again.",
            )
        )
    return ConnectionFailed(
        QT_TRANSLATE_NOOP("Connection", "The demo org could not be started: {reason}").format(
            reason=error.strerror or type(error).__name__
        )
    )
