"""The shape every check shares: doctor items, prerequisites and org readiness."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from navsync_desktop.i18n import Text


class Status(StrEnum):
    PASS = "pass"  # noqa: S105 - a check status, not a password
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class CheckResult:
    id: str
    title: Text
    status: Status
    finding: Text
    fix: Text | None = None
    # The same advice for the command line, where it differs (a command instead of a page).
    fix_cli: Text | None = None

    @property
    def cli_fix(self) -> Text | None:
        return self.fix_cli or self.fix

    def to_json(self) -> dict:
        """The command line's view of the result (what `--json` prints)."""
        return {
            "id": self.id,
            "title": str(self.title),
            "status": self.status.value,
            "finding": str(self.finding),
            "fix": str(self.cli_fix) if self.cli_fix else None,
        }


def worst(results: list[CheckResult]) -> Status:
    order = [Status.PASS, Status.WARN, Status.FAIL]
    return max((r.status for r in results), key=order.index, default=Status.PASS)
