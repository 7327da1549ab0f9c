"""The sync's own settings: schedule, when to use Bulk API 2.0, and the API reserve."""

from __future__ import annotations

from collections.abc import Callable

from navsync_desktop.store import Store, settings

INTERVAL_HOURS = "sync.interval_hours"
BULK_THRESHOLD = "sync.bulk_threshold"
API_RESERVE = "sync.api_reserve"

DEFAULT_INTERVAL_HOURS = 24
# From this many rows to read, an object goes through Bulk API 2.0 (one job, CSV pages of
# 50,000 rows) rather than REST query pages of 2,000.
DEFAULT_BULK_THRESHOLD = 20_000
AUTO = "auto"
# The requests the sync never uses, kept for the org's other integrations: by default 2% of
# the daily allowance, at least 200. (Pacing starts earlier, at 10% left.)
RESERVE_SHARE = 0.02
RESERVE_MINIMUM = 200


def interval_hours(store: Store) -> int:
    return settings.get(store, INTERVAL_HOURS, DEFAULT_INTERVAL_HOURS)


def bulk_threshold(store: Store) -> int:
    return settings.get(store, BULK_THRESHOLD, DEFAULT_BULK_THRESHOLD)


def api_reserve(store: Store) -> Callable[[int], int]:
    """The reserve for a given daily allowance (read from the store once, here, so that the
    sync's threads need not touch the store)."""
    chosen = settings.get(store, API_RESERVE, AUTO)
    if chosen == AUTO:
        return lambda daily_max: max(round(daily_max * RESERVE_SHARE), RESERVE_MINIMUM)
    return lambda _daily_max: int(chosen)
