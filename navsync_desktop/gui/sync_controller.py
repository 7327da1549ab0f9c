"""The one owner of the running CRM sync. "Sync now", the schedule and the wizard's initial
sync all start it here, so two never run at once; Cancel and closing the program stop it here;
its progress reaches every status header through ``AppState``. How the job runs and how its
progress reaches the GUI thread (throttled): ``BackgroundRun``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer

from navsync_desktop.engine.sync import SyncResult, run_sync
from navsync_desktop.engine.sync_progress import Phase, SyncProgress
from navsync_desktop.gui.background_run import BackgroundRun
from navsync_desktop.gui.progress_mailbox import DEFAULT_INTERVAL_MS
from navsync_desktop.gui.sync_text import progress_line
from navsync_desktop.i18n import Text
from navsync_desktop.store import sync_runs
from navsync_desktop.store.connection import ConnectionState

if TYPE_CHECKING:
    from navsync_desktop.gui.app_state import AppState

# A notice (retrying, slowing down) stays readable this long before progress replaces it.
NOTICE_MS = 2000


def _replaces(earlier: SyncProgress, later: SyncProgress) -> bool:
    """A newer row count makes an older one needless; every other event is kept."""
    return earlier.phase is Phase.READING and later.phase is Phase.READING


class SyncController(BackgroundRun):
    def __init__(
        self, app_state: AppState, *, progress_interval_ms: int = DEFAULT_INTERVAL_MS
    ) -> None:
        super().__init__(app_state, _replaces, progress_interval_ms=progress_interval_ms)
        self.percent = 0  # of all rows to read
        self.line: Text | None = None  # what the sync does right now, for the status header
        self.last_result: SyncResult | None = None
        self._notice_shown = QElapsedTimer()

    def start(self, *, full: bool = False) -> bool:
        """Starts a sync unless one runs already; True when it started."""
        store, manager = self.app_state.store, self.app_state.manager
        return self._launch(
            lambda progress, cancel: run_sync(
                store, manager, full=full, progress=progress, cancel=cancel
            )
        )

    def start_initial_if_needed(self) -> bool:
        """The first sync, right after the first connection (the guide waits a day for it;
        here it runs while the admin goes on): only while connected and nothing was synced."""
        store = self.app_state.store
        if self.running or self.app_state.manager.state is not ConnectionState.CONNECTED:
            return False
        if sync_runs.last_synced(store) is not None:
            return False
        return self.start()

    # what the job reports

    def _started(self, _job) -> None:
        self.percent, self.line = 0, None
        self._notice_shown.invalidate()

    def _take(self, events: list[SyncProgress]) -> None:
        for event in events:
            self._take_one(event)
        self.app_state.set_sync_line(self.line)

    def _take_one(self, event: SyncProgress) -> None:
        if event.phase is Phase.READING:
            self.percent = event.percent
        elif event.phase in (Phase.SAVING, Phase.AUTO_SAVE):
            self.percent = 100
        if event.message is not None:
            self.line = progress_line(event)
            self._notice_shown.start()
            return
        if self._notice_shown.isValid() and self._notice_shown.elapsed() < NOTICE_MS:
            return
        self._notice_shown.invalidate()
        self.line = progress_line(event)

    def _ended(self) -> None:
        self.line = None
        self.app_state.set_sync_line(None)
        self.app_state.refresh()
