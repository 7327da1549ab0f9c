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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Report = Callable[[Any], None]

_running = 0
_idle = threading.Condition()


class Job(QObject):
    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    done = Signal()


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
            result = self._function(self._job.progress.emit)
        except Exception as error:  # every failure reaches the GUI as a signal
            log.exception("background job failed")
            self._job.failed.emit(error)
        else:
            self._job.succeeded.emit(result)
        finally:
            self._job.done.emit()


def run_job(function: Callable[[Report], Any], parent: QObject) -> Job:
    """Runs ``function(report)`` on the thread pool; ``report(x)`` emits ``progress``.
    The job is owned by ``parent`` so it outlives this call."""
    global _running
    job = Job(parent)
    job.done.connect(job.deleteLater)
    with _idle:
        _running += 1
    QThreadPool.globalInstance().start(_Runnable(job, function))
    return job


def running_jobs() -> int:
    with _idle:
        return _running


def wait_for_jobs(timeout: float | None = None) -> bool:
    """Blocks until no job runs (or ``timeout`` seconds passed); True when none runs.
    Cancel what waits on the user (a browser login) first, or this waits for it."""
    with _idle:
        return _idle.wait_for(lambda: _running == 0, timeout)
