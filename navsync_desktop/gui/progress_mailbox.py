"""Progress from worker threads to the GUI thread without flooding its event loop.

A large sync reports thousands of events a second. Each one sent as a queued signal would
keep the GUI thread busy repainting; instead, events wait here and reach the GUI in batches,
at most one batch per interval, and an event that only updates the one before it (a newer row
count) replaces that one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

DEFAULT_INTERVAL_MS = 50  # at most 20 updates a second: smooth to the eye, cheap for the loop


class ProgressMailbox(QObject):
    """``put`` from any thread; ``delivered(list)`` on the GUI thread, oldest first.
    ``replaces(earlier, later)`` says when ``later`` makes ``earlier`` needless."""

    delivered = Signal(list)
    _wake = Signal()

    def __init__(
        self,
        replaces: Callable[[object, object], bool],
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._replaces = replaces
        self._lock = threading.Lock()
        self._waiting: list = []
        self._woken = False  # a wake-up is on its way to the GUI thread
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._interval_ms = interval_ms
        self._since_delivery = QElapsedTimer()
        self._wake.connect(self._woke, Qt.ConnectionType.QueuedConnection)

    def put(self, event: object) -> None:
        with self._lock:
            if self._waiting and self._replaces(self._waiting[-1], event):
                self._waiting[-1] = event
            else:
                self._waiting.append(event)
            if self._woken:
                return
            self._woken = True
        self._wake.emit()

    def _woke(self) -> None:
        if self._timer.isActive():
            return
        elapsed = self._since_delivery.elapsed() if self._since_delivery.isValid() else None
        if elapsed is None or elapsed >= self._interval_ms:
            self.flush()
        else:
            self._timer.start(self._interval_ms - elapsed)

    def flush(self) -> None:
        """Delivers what waits now (the GUI thread calls it, e.g. once the work is done)."""
        self._timer.stop()
        with self._lock:
            events, self._waiting = self._waiting, []
            self._woken = False
        if events:
            self._since_delivery.start()
            self.delivered.emit(events)
