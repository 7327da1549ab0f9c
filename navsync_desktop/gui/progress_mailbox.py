"""Progress from worker threads to the GUI thread without flooding its event loop.

A sync reports from several plain Python threads (its readers). Those threads only drop their
events here, under a lock, and never touch Qt; the GUI thread collects them with a timer, at
most once per interval, while the work runs, so the GUI sets the pace however fast the
readers report. An event that only updates the one before it (a newer row count) replaces
that one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_INTERVAL_MS = 50  # at most 20 updates a second: smooth to the eye, cheap for the loop


class ProgressMailbox(QObject):
    """``put`` from any thread; ``delivered(list)`` on the GUI thread, oldest first, while
    ``start``\\ ed. ``replaces(earlier, later)`` says when ``later`` makes ``earlier``
    needless."""

    delivered = Signal(list)

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
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def put(self, event: object) -> None:
        with self._lock:
            if self._waiting and self._replaces(self._waiting[-1], event):
                self._waiting[-1] = event
            else:
                self._waiting.append(event)

    def start(self) -> None:
        """Collect what arrives from now on (the GUI thread calls it as the work starts)."""
        self._timer.start()

    def stop(self) -> None:
        """Deliver what is left and stop collecting (once the work is done)."""
        self._timer.stop()
        self.flush()

    def flush(self) -> None:
        with self._lock:
            events, self._waiting = self._waiting, []
        if events:
            self.delivered.emit(events)
