"""A long job that the whole program shares, one run at a time: the CRM sync and the activity
write-back each have one owner of this kind (``SyncController``, ``WritebackController``).

The run is one job of the worker pattern (``run_job``); its progress events go through a
``ProgressMailbox`` rather than the job's own signal: the GUI collects them at most 20 times
a second, however many the engine reports, and no signal is sent from the engine's threads.
A subclass says what its job runs and what a batch of progress events means.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from navsync_desktop.gui.progress_mailbox import DEFAULT_INTERVAL_MS, ProgressMailbox
from navsync_desktop.gui.worker import Job, run_job

if TYPE_CHECKING:
    from navsync_desktop.gui.app_state import AppState

# What a run's job does: work(progress, cancel) on a pool thread; returns the run's result.
Work = Callable[[Callable[[Any], None], threading.Event], Any]


class BackgroundRun(QObject):
    running_changed = Signal(bool)
    progress_changed = Signal()  # what the run shows (a subclass's fields) changed
    finished = Signal(object)  # the result, or the exception that kept the run from ending

    def __init__(
        self,
        app_state: AppState,
        replaces: Callable[[Any, Any], bool],
        *,
        progress_interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(app_state)
        self.app_state = app_state
        self.last_result: Any = None
        self.last_error: Exception | None = None  # the latest run could not run or end
        self._job: Job | None = None
        self._cancel: threading.Event | None = None
        self._after_stop: list[Callable[[], None]] = []
        self._closed = False  # the program is closing: no run starts any more
        self.mailbox = ProgressMailbox(replaces, interval_ms=progress_interval_ms, parent=self)
        self.mailbox.delivered.connect(self._take_events)

    @property
    def running(self) -> bool:
        return self._job is not None

    def _launch(self, work: Work) -> bool:
        """Starts ``work`` unless a run is going on or the program closes; True when it
        started."""
        if self.running or self._closed:
            return False
        cancel, mailbox = threading.Event(), self.mailbox
        self._cancel = cancel
        self.last_error = None
        self.mailbox.start()
        job = run_job(lambda _report: work(mailbox.put, cancel), self)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.done.connect(self._done)
        self._job = job
        self._started(job)
        self.running_changed.emit(True)
        self.progress_changed.emit()
        return True

    def cancel(self) -> None:
        """The run stops soon; what it did so far is kept as the engine keeps it."""
        if self._cancel is not None:
            self._cancel.set()

    def close(self) -> None:
        """The program closes: the running job is cancelled, and none starts any more."""
        self._closed = True
        self.cancel()

    def stop_then(self, callback: Callable[[], None]) -> None:
        """Runs ``callback`` now, or once a running job has stopped (it is cancelled)."""
        if not self.running:
            callback()
            return
        self._after_stop.append(callback)
        self.cancel()

    # for a subclass

    def _started(self, job: Job) -> None:
        """The job runs (e.g. watch it)."""

    def _take(self, events: list) -> None:
        """A batch of progress events, oldest first, on the GUI thread."""
        raise NotImplementedError

    def _ended(self) -> None:
        """The job is over, before ``finished`` is emitted."""

    # what the job reports

    def _take_events(self, events: list) -> None:
        if not self.running:
            return
        self._take(events)
        self.progress_changed.emit()

    def _succeeded(self, result: Any) -> None:
        self.last_result = result

    def _failed(self, error: Exception) -> None:
        self.last_error = error

    def _done(self) -> None:
        self.mailbox.stop()
        self._job = self._cancel = None
        self._ended()
        self.running_changed.emit(False)
        self.progress_changed.emit()
        self.finished.emit(self.last_error or self.last_result)
        callbacks, self._after_stop = self._after_stop, []
        for callback in callbacks:
            callback()
