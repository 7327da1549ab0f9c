"""How long the GUI's event loop stalls while the main window syncs a large org.

Starts `demo-org serve --records N` (100,000 contacts: about 143,000 rows over the eight synced
objects) in its own process, so the demo org's work does not share this process's interpreter
lock, and connects a fresh NAVSYNC_HOME to it the way a user does (`connect --demo
--no-browser`, this script acting as the browser). Then, in this process, it opens the main
window offscreen and measures the event loop with a timer that fires every 10 ms, recording the
largest gap between two ticks:

- the window idle (the baseline: what the loop does with nothing to do);
- the initial sync, started as "Sync now" starts it (the figure; target under 100 ms);
- for contrast, with ``--contrast``: a full sync whose every progress event reaches the window
  as its own queued signal (no throttling), and a full sync run on the GUI thread itself.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stall.py [--records N]
        [--contrast]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from bench_sync import CLI, browser_login, free_port, fresh_home_env

TICK_MS = 10
IDLE_SECONDS = 3.0


def serve_and_connect(home: Path, env: dict, records: int) -> subprocess.Popen:
    """The demo org in a process of its own, and this home connected to it."""
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "demo-org", "serve", "--port", str(port), "--records", str(records)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    for line in server.stdout:
        if "serving at" in line:
            break
    connect = subprocess.Popen(
        [*CLI, "connect", "--demo", "--no-browser", "--port", str(free_port())],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ca_cert = str(home / "data" / "demo-org" / "ca.pem")
    for line in connect.stdout:
        if line.startswith(("http://", "https://")):  # the login page is on plain HTTP
            browser_login(line.strip(), ca_cert)
            break
    if connect.wait(60):
        server.terminate()
        raise SystemExit(f"connect failed: {connect.stderr.read()}")
    return server


class StallMeter:
    """A timer every 10 ms; the largest gap between two of its ticks while it runs."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def summary(self) -> str:
        gaps = sorted(self.gaps)
        longest = gaps[-1] * 1000
        p99 = gaps[int(len(gaps) * 0.99)] * 1000 if len(gaps) > 1 else longest
        ticks = len(gaps)
        return f"longest stall {longest:6.1f} ms  (99th percentile {p99:5.1f} ms, {ticks} ticks)"


def measure(args: argparse.Namespace) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from navsync_desktop import paths
    from navsync_desktop.demo_org.launcher import DemoOrgLauncher
    from navsync_desktop.engine.connection import ConnectionManager
    from navsync_desktop.engine.sync import run_sync
    from navsync_desktop.gui.app import close_down, create_application
    from navsync_desktop.gui.app_state import AppState
    from navsync_desktop.gui.main_window import MainWindow
    from navsync_desktop.gui.sync_text import progress_line
    from navsync_desktop.gui.worker import run_job
    from navsync_desktop.store import Store

    app = create_application("en")
    meter = StallMeter()
    loop = QEventLoop()

    def loop_for(seconds: float) -> None:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    with DemoOrgLauncher(paths.demo_org_dir) as demo_org, Store.open(paths.store_path()) as store:
        manager = ConnectionManager(store, demo_org=demo_org)
        app_state = AppState(store, manager)
        window = MainWindow(app_state, lambda _at: None)
        window.scheduler.stop()
        window.show()
        loop_for(0.5)  # the first layout and paint

        meter.start()
        loop_for(IDLE_SECONDS)
        meter.stop()
        print(f"window idle ({IDLE_SECONDS:.0f} s)                 {meter.summary()}")

        updates = []
        app_state.sync.progress_changed.connect(lambda: updates.append(1))
        meter.start()
        app_state.sync.finished.connect(loop.quit)
        window.sync_now()
        started = time.perf_counter()
        loop.exec()
        seconds = time.perf_counter() - started
        meter.stop()
        app_state.sync.finished.disconnect(loop.quit)
        result = app_state.sync.last_result
        rows = sum(counts["read"] for counts in result.run.objects.values())
        print(
            f"initial sync in the window ({seconds:.1f} s)     {meter.summary()}  "
            f"[{result.outcome}, {rows:,} rows, {len(updates):,} progress updates shown]"
        )

        if args.contrast:
            events = []

            def show(event) -> None:  # what the window did per event without the mailbox
                events.append(1)
                window.header.show_sync_line(progress_line(event))
                window.progress.bar.setValue(event.percent)

            meter.start()
            job = run_job(lambda report: run_sync(store, manager, full=True, progress=report), app)
            job.progress.connect(show)
            job.done.connect(loop.quit)
            started = time.perf_counter()
            loop.exec()
            seconds = time.perf_counter() - started
            meter.stop()
            print(
                f"full sync, unthrottled ({seconds:.1f} s)       {meter.summary()}  "
                f"[{len(events):,} progress events shown one by one]"
            )

            meter.start()
            QTimer.singleShot(0, lambda: (run_sync(store, manager, full=True), loop.quit()))
            started = time.perf_counter()
            loop.exec()
            seconds = time.perf_counter() - started
            meter.stop()
            print(f"full sync on the GUI thread ({seconds:.1f} s)  {meter.summary()}")

        window.close()
        close_down(manager, app_state.sync)
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="contacts in the demo org")
    parser.add_argument(
        "--contrast", action="store_true", help="also an unthrottled and a GUI-thread sync"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = fresh_home_env(home)
        os.environ.update(env)
        started = time.perf_counter()
        server = serve_and_connect(home, env, args.records)
        print(
            f"demo org with {args.records:,} contacts up and connected in "
            f"{time.perf_counter() - started:.1f} s (its own process)"
        )
        try:
            measure(args)
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
