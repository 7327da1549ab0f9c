"""What the GUI tests share: a window's pictures on request, and a gate that holds a real sync
halfway so a test can look at the window while it runs (fixtures: conftest.py)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from navsync_desktop.engine.sync_progress import Phase
from navsync_desktop.gui import sync_controller
from navsync_desktop.gui.worker import running_jobs, wait_for_jobs

WAIT_MS = 30_000


def shoot(window, name):
    """Keeps a picture of the window when NAVSYNC_SCREENSHOTS names a folder."""
    folder = os.environ.get("NAVSYNC_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


class SyncGate:
    """Holds the GUI's real sync (against the demo org) at its first progress event for
    ``sobject`` until ``release``: the reader waits inside its progress report, so the window
    shows that moment for as long as the test looks. Only the progress callback is wrapped."""

    def __init__(self, monkeypatch, sobject: str = "Contact") -> None:
        """The test must ``release`` it in the end, also when it fails (``sync_gate`` does)."""
        self.reached = threading.Event()
        self._released = threading.Event()
        real_run_sync = sync_controller.run_sync

        def gated_run_sync(store, manager, *, progress, **options):
            def report(event) -> None:
                progress(event)
                if event.phase is Phase.READING and event.sobject == sobject:
                    self.reached.set()
                    self._released.wait(60)

            return real_run_sync(store, manager, progress=report, **options)

        monkeypatch.setattr(sync_controller, "run_sync", gated_run_sync)

    def release(self) -> None:
        self._released.set()


def finish_jobs(app_state) -> None:
    """At a test's end: cancel a running sync or write-back (none starts any more), wait for
    every job, deliver their last signals while the store is still open."""
    app_state.close_runs()
    # what the last signals start (a tab reading its list again) is waited for as well
    for _round in range(10):
        wait_for_jobs(60)
        QCoreApplication.processEvents()
        if running_jobs() == 0:
            break
