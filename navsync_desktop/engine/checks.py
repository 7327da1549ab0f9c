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

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": str(self.title),
            "status": self.status.value,
            "finding": str(self.finding),
            "fix": str(self.fix) if self.fix else None,
        }


def worst(results: list[CheckResult]) -> Status:
    order = [Status.PASS, Status.WARN, Status.FAIL]
    return max((r.status for r in results), key=order.index, default=Status.PASS)
