"""What a running sync reports: one event per step, from whichever thread took it.

The GUI turns these into "Syncing 42% — Contacts 41,000 / 98,000" and "Retrying —
Salesforce answered 503"; the command line into its progress line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import requests
from simple_salesforce import exceptions as sf_exceptions

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.salesforce.retry import RetryNotice


class Phase(StrEnum):
    PLANNING = "planning"  # describe and count, per object
    READING = "reading"  # rows arriving, per object
    RETRYING = "retrying"  # a transient failure, retried after a wait
    PACING = "pacing"  # few API requests left today: waiting between requests
    SAVING = "saving"  # the read rows taking the place of the old ones, per object
    AUTO_SAVE = "auto_save"  # the seat holders' saved lists recomputed


@dataclass(frozen=True)
class SyncProgress:
    phase: Phase
    sobject: str | None = None
    read: int = 0  # rows of ``sobject`` read so far
    total: int | None = None  # rows of ``sobject`` to read
    overall_read: int = 0
    overall_total: int = 0
    api: str | None = None  # "bulk" or "rest"
    message: Text | None = None  # why: retrying, pacing

    @property
    def percent(self) -> int:
        if not self.overall_total:
            return 0
        return min(100, self.overall_read * 100 // self.overall_total)

    def describe(self) -> Text:
        """One line for a status bar or a terminal."""
        if self.message is not None:
            return self.message
        if self.phase is Phase.READING and self.sobject:
            return QT_TRANSLATE_NOOP(
                "Sync", "Syncing {percent}% — {sobject} {read} / {total}"
            ).format(
                percent=self.percent,
                sobject=self.sobject,
                read=Number(self.read),
                total=Number(self.total or 0),
            )
        if self.phase is Phase.SAVING and self.sobject:
            return QT_TRANSLATE_NOOP("Sync", "Saving {sobject}…").format(sobject=self.sobject)
        if self.phase is Phase.AUTO_SAVE:
            return QT_TRANSLATE_NOOP("Sync", "Updating the seat holders' saved lists…")
        return QT_TRANSLATE_NOOP("Sync", "Preparing the sync…")


def retry_message(notice: RetryNotice) -> Text:
    """Why a request is retried, in the user's words."""
    error = notice.error
    if isinstance(error, sf_exceptions.SalesforceError):
        if error.status == 403:  # REQUEST_LIMIT_EXCEEDED: too many requests at once
            return QT_TRANSLATE_NOOP(
                "Sync", "Retrying — Salesforce is busy (too many requests at once)"
            )
        return QT_TRANSLATE_NOOP("Sync", "Retrying — Salesforce answered {status}").format(
            status=error.status
        )
    if isinstance(error, requests.Timeout):
        return QT_TRANSLATE_NOOP("Sync", "Retrying — Salesforce did not answer in time")
    return QT_TRANSLATE_NOOP("Sync", "Retrying — the connection to Salesforce was interrupted")


def pacing_message(remaining: int, reserve: int) -> Text:
    return QT_TRANSLATE_NOOP(
        "Sync",
        "Slowing down — only {remaining} API requests are left today; {reserve} stay "
        "reserved for other integrations",
    ).format(remaining=Number(remaining), reserve=Number(reserve))
