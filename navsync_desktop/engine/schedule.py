"""When the next scheduled sync is due (the GUI's timer asks; no Qt here)."""

from __future__ import annotations

from datetime import datetime, timedelta


def next_sync_due(last_finished: datetime | None, interval_hours: float, now: datetime) -> datetime:
    """Right away when nothing was synced yet; otherwise one interval after the end of the last
    successful sync (a time in the past means: due now)."""
    if last_finished is None:
        return now
    return last_finished + timedelta(hours=interval_hours)
