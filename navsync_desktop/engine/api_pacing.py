"""Pacing a sync by the org's daily API allowance (Sforce-Limit-Info on every answer).

With plenty left, nothing happens. Below a tenth of the daily allowance the sync waits between
requests and says why. It never spends the reserve kept for the org's other integrations: the
request that would reach into it is refused, and the sync stops cleanly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from navsync_desktop.engine.readiness import LOW_API_SHARE
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.salesforce.bulk_query import QueryCancelled
from navsync_desktop.salesforce.session import ApiUsage, SalesforceSession


class ApiReserveReached(Exception):
    """Going on would use requests kept for other integrations."""

    def __init__(self, remaining: int, reserve: int) -> None:
        self.remaining = remaining
        self.reserve = reserve
        self.text: Text = QT_TRANSLATE_NOOP(
            "Sync",
            "Paused: {remaining} API requests are left today and stay reserved for other "
            "integrations. The sync goes on with the next run; nothing was lost.",
        ).format(remaining=Number(remaining))
        super().__init__(str(self.text))


class ApiPacer:
    """The session's request gate during a sync (called from every reader thread)."""

    def __init__(
        self,
        session: SalesforceSession,
        reserve_for: Callable[[int], int],
        *,
        in_flight: int,
        delay_s: float,
        stop: threading.Event,
        on_pacing: Callable[[int, int], None],
    ) -> None:
        self._session = session
        self._reserve_for = reserve_for
        # Answers report usage after the fact: with this many requests under way at once, the
        # last usage seen may be that many requests behind.
        self._in_flight = in_flight
        self._delay_s = delay_s
        self._stop = stop
        self._on_pacing = on_pacing
        self.first_usage: ApiUsage | None = None  # as the run's first answer reported it

    def __call__(self) -> None:
        usage = self._session.api_usage
        if usage is None or usage.total <= 0:
            return  # nothing known before the first answer
        if self.first_usage is None:
            self.first_usage = usage
        remaining = usage.total - usage.used
        reserve = self._reserve_for(usage.total)
        if remaining - self._in_flight <= reserve:
            raise ApiReserveReached(remaining, reserve)
        if remaining < usage.total * LOW_API_SHARE:
            self._on_pacing(remaining, reserve)
            if self._stop.wait(self._delay_s):
                raise QueryCancelled
