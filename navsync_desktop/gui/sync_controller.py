"""The one owner of the running CRM sync. "Sync now", the schedule and the wizard's initial
sync all start it here, so two never run at once; Cancel and closing the program stop it here;
its progress reaches every status header through ``AppState``.

The sync is one job of the worker pattern (``run_job``); its progress events go through a
``ProgressMailbox`` rather than the job's own signal: the GUI collects them at most 20 times
a second, however many the readers report, and no signal is sent from the readers' threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, Signal

from navsync_desktop.engine.sync import SyncResult, run_sync
from navsync_desktop.engine.sync_progress import Phase, SyncProgress
from navsync_desktop.gui.progress_mailbox import DEFAULT_INTERVAL_MS, ProgressMailbox
from navsync_desktop.gui.sync_text import progress_line
from navsync_desktop.gui.worker import Job, run_job
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


class SyncController(QObject):
    running_changed = Signal(bool)
    progress_changed = Signal()  # ``percent`` or ``line`` changed
    finished = Signal(object)  # the SyncResult, or the exception that kept the sync from running

    def __init__(
        self, app_state: AppState, *, progress_interval_ms: int = DEFAULT_INTERVAL_MS
    ) -> None:
        super().__init__(app_state)
        self.app_state = app_state
        self.percent = 0  # of all rows to read
        self.line: Text | None = None  # what the sync does right now, for the status header
        self.last_result: SyncResult | None = None
        self.last_error: Exception | None = None  # the latest sync could not run at all
        self._job: Job | None = None
        self._cancel: threading.Event | None = None
        self._after_stop: list[Callable[[], None]] = []
        self._closed = False  # the program is closing: no sync starts any more
        self._notice_shown = QElapsedTimer()
        self.mailbox = ProgressMailbox(_replaces, interval_ms=progress_interval_ms, parent=self)
        self.mailbox.delivered.connect(self._take_events)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, *, full: bool = False) -> bool:
        """Starts a sync unless one runs already; True when it started."""
        if self.running or self._closed:
            return False
        store, manager, mailbox = self.app_state.store, self.app_state.manager, self.mailbox
        cancel = threading.Event()

        def sync(_report) -> SyncResult:
            return run_sync(store, manager, full=full, progress=mailbox.put, cancel=cancel)

        self._cancel = cancel
        self.percent, self.line, self.last_error = 0, None, None
        self._notice_shown.invalidate()
        self.mailbox.start()
        job = run_job(sync, self)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.done.connect(self._done)
        self._job = job
        self.running_changed.emit(True)
        self.progress_changed.emit()
        return True

    def start_initial_if_needed(self) -> bool:
        """The first sync, right after the first connection (the guide waits a day for it;
        here it runs while the admin goes on): only while connected and nothing was synced."""
        store = self.app_state.store
        if self.running or self.app_state.manager.state is not ConnectionState.CONNECTED:
            return False
        if sync_runs.last_synced(store) is not None:
            return False
        return self.start()

    def cancel(self) -> None:
        """The sync stops soon, as cancelled; the local data stays as it was."""
        if self._cancel is not None:
            self._cancel.set()

    def close(self) -> None:
        """The program closes: the running sync is cancelled, and none starts any more."""
        self._closed = True
        self.cancel()

    def stop_then(self, callback: Callable[[], None]) -> None:
        """Runs ``callback`` now, or once a running sync has stopped (it is cancelled)."""
        if not self.running:
            callback()
            return
        self._after_stop.append(callback)
        self.cancel()

    # what the job reports

    def _take_events(self, events: list[SyncProgress]) -> None:
        if not self.running:
            return
        for event in events:
            self._take(event)
        self.app_state.set_sync_line(self.line)
        self.progress_changed.emit()

    def _take(self, event: SyncProgress) -> None:
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

    def _succeeded(self, result: SyncResult) -> None:
        self.last_result = result

    def _failed(self, error: Exception) -> None:
        self.last_error = error

    def _done(self) -> None:
        self.mailbox.stop()
        self._job = self._cancel = None
        self.line = None
        self.app_state.set_sync_line(None)
        self.app_state.refresh()
        self.running_changed.emit(False)
        self.progress_changed.emit()
        self.finished.emit(self.last_error or self.last_result)
        callbacks, self._after_stop = self._after_stop, []
        for callback in callbacks:
            callback()
