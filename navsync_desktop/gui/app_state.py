"""The one object that re-broadcasts state changes to every view."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.status import StatusReport, status_of
from navsync_desktop.gui.sync_controller import SyncController
from navsync_desktop.gui.worker import Job
from navsync_desktop.gui.writeback_controller import WritebackController
from navsync_desktop.i18n import Text
from navsync_desktop.salesforce.errors import SalesforceUnavailable
from navsync_desktop.store import Store


class AppState(QObject):
    """Views subscribe to ``status_changed``; anything that changes the connection or
    the sync history calls ``refresh`` (from any thread: the signal is queued to the GUI).
    ``sync`` owns the running CRM sync and ``writeback`` the activity write-back;
    ``sync_line_changed`` and ``writeback_line_changed`` say what they do right now."""

    status_changed = Signal(object)  # StatusReport
    sync_line_changed = Signal(object)  # Text | None: what a running sync does right now
    writeback_line_changed = Signal(object)  # Text | None: what a running write-back does

    def __init__(
        self, store: Store, manager: ConnectionManager, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.manager = manager
        self._problem: Text | None = None
        self.status: StatusReport = status_of(store)
        self.sync_line: Text | None = None
        self.writeback_line: Text | None = None
        manager.add_listener(self.refresh)  # called on whichever thread changed the state
        self.sync = SyncController(self)
        self.writeback = WritebackController(self)

    def set_sync_line(self, line: Text | None) -> None:
        if line != self.sync_line:
            self.sync_line = line
            self.sync_line_changed.emit(line)

    def set_writeback_line(self, line: Text | None) -> None:
        if line != self.writeback_line:
            self.writeback_line = line
            self.writeback_line_changed.emit(line)

    def close_runs(self) -> None:
        """The program closes: the sync and the write-back are cancelled, none starts again."""
        self.sync.close()
        self.writeback.close()

    def refresh(self, *_ignored) -> None:
        self.status = replace(status_of(self.store), problem=self._problem)
        self.status_changed.emit(self.status)

    def watch(self, job: Job) -> Job:
        """Lets a job that talks to Salesforce tell every view whether Salesforce answers:
        an unreachable org shows in the status header until a job gets through again."""
        job.failed.connect(self._job_failed)
        job.succeeded.connect(lambda _result: self._set_problem(None))
        return job

    def _job_failed(self, error: Exception) -> None:
        if isinstance(error, SalesforceUnavailable):
            self._set_problem(error.text)

    def _set_problem(self, problem: Text | None) -> None:
        if problem != self._problem:
            self._problem = problem
            self.refresh()
