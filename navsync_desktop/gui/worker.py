"""The one way the GUI runs work in the background.

A job's function runs on a pool thread and never touches a widget; the job
object lives on the GUI thread, so its signals arrive there (queued) and the
window stays responsive. Running jobs are counted, so that the program can wait
for them before it closes what they use (the store, the demo org).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from navsync_desktop.i18n import Text

log = logging.getLogger(__name__)

Report = Callable[[Any], None]

_running = 0
_idle = threading.Condition()
# Jobs mostly wait: for the browser (up to minutes), for Salesforce, for the demo org. Qt's
# global pool has as many threads as cores (two on many laptops), so one waiting login and a
# sync would hold back every other job; this pool is sized for waiting, not for computing.
MAX_JOBS_AT_ONCE = 16
_pool: QThreadPool | None = None


def _job_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(MAX_JOBS_AT_ONCE)
    return _pool


class Job(QObject):
    """What the GUI connects to. Its signals are emitted on the GUI thread, at the earliest
    on the event loop's next turn: a job that ends at once cannot end before the code that
    started it has connected its slots."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    done = Signal()
    _relay = Signal(str, object)  # from the worker thread, queued to this object's thread

    def __init__(self, owner: QObject) -> None:
        # No Qt parent: a window closed while the job runs must not delete the object its
        # thread still reports to. The job lives until it is done; when its owner is gone
        # first, nothing is delivered (the listeners went with the owner).
        super().__init__()
        self._owner_gone = False
        owner.destroyed.connect(self._forget_owner)
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _forget_owner(self) -> None:
        self._owner_gone = True

    def _deliver(self, name: str, value: object) -> None:
        if name == "done":
            _unkeep(self)
        if self._owner_gone:
            return
        signal = getattr(self, name)
        if name == "done":
            signal.emit()
        else:
            signal.emit(value)


class _Runnable(QRunnable):
    def __init__(self, job: Job, function: Callable[[Report], Any]) -> None:
        super().__init__()
        self._job = job
        self._function = function

    def run(self) -> None:
        global _running
        try:
            self._run_and_report()
        finally:  # even when the job's window is gone and its signals cannot be sent
            with _idle:
                _running -= 1
                _idle.notify_all()

    def _run_and_report(self) -> None:
        try:
            result = self._function(self._report_progress)
        except Exception as error:  # every failure reaches the GUI as a signal
            _log_failure(error)
            self._emit("failed", error)
        else:
            self._emit("succeeded", result)
        finally:
            self._emit("done")

    def _report_progress(self, value: Any) -> None:
        self._emit("progress", value)

    def _emit(self, signal: str, value: object = None) -> None:
        """Tells the GUI thread, which delivers it to the job's listeners."""
        self._job._relay.emit(signal, value)


def _log_failure(error: Exception) -> None:
    """A user's own choice (Cancel, Deny) is an ordinary outcome; an error that explains
    itself to the user is one line; anything else keeps its traceback for support."""
    if getattr(error, "user_decision", False):
        log.info("background job ended by the user: %s", error)
    elif isinstance(getattr(error, "text", None), Text):
        log.warning("background job failed: %s", error)
    else:
        log.error("background job failed", exc_info=error)


_kept: set[Job] = set()  # jobs that run: kept alive here, not by a Qt parent


def _unkeep(job: Job) -> None:
    _kept.discard(job)
    job.deleteLater()


def run_job(function: Callable[[Report], Any], owner: QObject) -> Job:
    """Runs ``function(report)`` on the thread pool; ``report(x)`` emits ``progress``.
    The job reports to ``owner``'s listeners; if ``owner`` is destroyed first, the job still
    runs to its end (it may hold a connection or the store) but tells no one."""
    global _running
    job = Job(owner)
    _kept.add(job)
    with _idle:
        _running += 1
    _job_pool().start(_Runnable(job, function))
    return job


def running_jobs() -> int:
    with _idle:
        return _running


def wait_for_jobs(timeout: float | None = None) -> bool:
    """Blocks until no job runs (or ``timeout`` seconds passed); True when none runs.
    Cancel what waits on the user (a browser login) first, or this waits for it."""
    with _idle:
        return _idle.wait_for(lambda: _running == 0, timeout)
