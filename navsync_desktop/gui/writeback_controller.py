"""The one owner of the running activity write-back. Copy to CRM, an import or a logged note
or call with "always copy", and a mapping made by hand start it here, so two never run at
once; a start asked for while one runs makes it run once more afterwards (what was queued
meanwhile goes out too). Its progress ("Writing back: 12 sent, 0 failed, 188 to go") reaches
every status header through ``AppState``.

The engine lets a write-back and a CRM sync run side by side (each thread has its own store
connection; the sync swaps its tables in one transaction), so neither waits for the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.writeback import WritebackProgress, WritebackResult, run_writeback
from navsync_desktop.gui.background_run import BackgroundRun
from navsync_desktop.gui.progress_mailbox import DEFAULT_INTERVAL_MS
from navsync_desktop.i18n import Text
from navsync_desktop.store.connection import ConnectionState

if TYPE_CHECKING:
    from navsync_desktop.gui.app_state import AppState


def _replaces(earlier: WritebackProgress, later: WritebackProgress) -> bool:
    """Newer counts make older ones needless; a reason to wait is kept."""
    return earlier.waiting is None and later.waiting is None


class WritebackController(BackgroundRun):
    def __init__(
        self, app_state: AppState, *, progress_interval_ms: int = DEFAULT_INTERVAL_MS
    ) -> None:
        super().__init__(app_state, _replaces, progress_interval_ms=progress_interval_ms)
        self.percent = 0  # of what this run had to send
        self.line: Text | None = None  # what the write-back does right now
        self.last_result: WritebackResult | None = None
        self._again = False

    def can_run(self) -> bool:
        """Write-back is on (and allowed) and the program is connected."""
        state = self.app_state.manager.state
        connected = state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)
        return connected and writeback_settings.refusal(self.app_state.store) is None

    def start(self) -> bool:
        """Sends everything queued; True when a run started. While one runs, it runs once
        more when it ends."""
        if self.running:
            self._again = True
            return False
        store, manager = self.app_state.store, self.app_state.manager
        return self._launch(
            lambda progress, cancel: run_writeback(store, manager, progress=progress, cancel=cancel)
        )

    def start_if_possible(self) -> bool:
        """After an import, a logged activity or a mapping: queued items go out at once when
        write-back can run; otherwise they wait, quietly."""
        return self.can_run() and self.start()

    def cancel(self) -> None:
        self._again = False
        super().cancel()

    # what the job reports

    def _started(self, job) -> None:
        self.percent, self.line = 0, None
        self.app_state.watch(job)

    def _take(self, events: list[WritebackProgress]) -> None:
        latest = events[-1]
        done = latest.sent + latest.failed
        total = done + latest.queued
        self.percent = 100 * done // total if total else 100
        self.line = latest.describe()
        self.app_state.set_writeback_line(self.line)

    def _ended(self) -> None:
        self.line = None
        self.app_state.set_writeback_line(None)
        if self._again and not self._closed:
            self._again = False
            # after this run's listeners heard it ended (the tab refreshes, then the next run)
            QTimer.singleShot(0, self.start)
