"""The one way the GUI runs work in the background.

A job's function runs on a pool thread and never touches a widget; the job
object lives on the GUI thread, so its signals arrive there (queued) and the
window stays responsive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Report = Callable[[Any], None]


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
    job = Job(parent)
    job.done.connect(job.deleteLater)
    QThreadPool.globalInstance().start(_Runnable(job, function))
    return job
