"""The one object that re-broadcasts state changes to every view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.status import StatusReport, status_of
from navsync_desktop.store import Store


class AppState(QObject):
    """Views subscribe to ``status_changed``; anything that changes the connection or
    the sync history calls ``refresh`` (from any thread: the signal is queued to the GUI)."""

    status_changed = Signal(object)  # StatusReport

    def __init__(
        self, store: Store, manager: ConnectionManager, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.manager = manager
        self.status: StatusReport = status_of(store)
        manager.add_listener(self.refresh)  # called on whichever thread changed the state

    def refresh(self, *_ignored) -> None:
        self.status = status_of(self.store)
        self.status_changed.emit(self.status)
