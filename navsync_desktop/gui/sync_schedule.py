"""The schedule: a timer that asks the engine when the next sync is due (daily by default,
``sync.interval_hours``) and starts it through the same path as "Sync now". A sync that fell
due while the program was closed runs soon after the start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer

from navsync_desktop.engine import sync_settings
from navsync_desktop.engine.connection_state import utc_now
from navsync_desktop.engine.schedule import next_sync_due
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.store import sync_runs
from navsync_desktop.store.connection import ConnectionState

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000  # also notices a computer that woke from sleep
FIRST_CHECK_MS = 3_000  # soon after the start, once the window is up
# After a failed or cancelled run, the schedule waits this long before it tries again.
RETRY_AFTER = timedelta(minutes=30)


class SyncScheduler(QObject):
    def __init__(
        self,
        app_state: AppState,
        *,
        clock: Callable[[], datetime] = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(FIRST_CHECK_MS)
        self._first.timeout.connect(self.check)

    def start(self) -> None:
        self._first.start()
        self._timer.start()

    def stop(self) -> None:
        self._first.stop()
        self._timer.stop()

    def next_due(self) -> datetime:
        """When the next scheduled sync runs (a time in the past: as soon as possible)."""
        store = self.app_state.store
        now = self.clock()
        due = next_sync_due(sync_runs.last_synced(store), sync_settings.interval_hours(store), now)
        newest = sync_runs.history(store, limit=1)
        if newest and newest[0].status != "succeeded" and newest[0].finished_at:
            due = max(due, datetime.fromisoformat(newest[0].finished_at) + RETRY_AFTER)
        return due

    def check(self) -> bool:
        """Starts the sync when it is due and can run; True when it started."""
        sync = self.app_state.sync
        if sync.running or self.app_state.manager.state is not ConnectionState.CONNECTED:
            return False
        due = self.next_due()
        if due > self.clock():
            return False
        log.info("scheduled sync due since %s", due.isoformat(timespec="seconds"))
        return sync.start()
