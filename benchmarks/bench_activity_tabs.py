"""The Activities tab with many activities (10,000 messages by default, offscreen).

Imports a generated export into a fresh NAVSYNC_HOME (no org: every activity stays unresolved,
which does not change what the tab does), then measures on the GUI thread, each the median of
five: reading the list on the worker (``list_activities``), handing it to the model and
painting the table, a click on the Date header (a sort), and typing a filter on the
Unresolved activities tab's table. The longest gap between the ticks of a 10 ms timer while
the tab reads its list shows whether the window waits for it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_activity_tabs.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from linkedin_export import Member, conversations, write  # the tests' writer

SEAT_EMAIL = "lena.hoffmann@northwind-demo.example"
SEAT = Member("Lena Hoffmann", "https://www.linkedin.com/in/lena-hoffmann-northwind/")


def median_of(function, times: int = 5) -> float:
    found = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        found.append(time.perf_counter() - started)
    return statistics.median(found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-tabs-"))
    os.environ["NAVSYNC_HOME"] = str(home)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from navsync_desktop import paths
    from navsync_desktop.engine import activities, seats
    from navsync_desktop.engine.linkedin_import import import_messages
    from navsync_desktop.gui.main.activities_tab import COLUMNS
    from navsync_desktop.gui.main.activity_model import DATE
    from navsync_desktop.gui.main.activity_table import ActivityTable
    from navsync_desktop.store import Store

    app = QApplication.instance() or QApplication([])
    people = [
        Member(f"Person {i} Beispiel", f"https://www.linkedin.com/in/p-{i}/") for i in range(2000)
    ]
    with Store.open(paths.store_path()) as store:
        seats.add_seat(store, email=SEAT_EMAIL, name=SEAT.name, profile_url=SEAT.url)
        export = write(home / "messages.csv", conversations(SEAT, people, count=args.rows))
        added = import_messages(store, export, SEAT_EMAIL).added
        table = ActivityTable(store, COLUMNS, {}, several=True)
        table.resize(1000, 600)
        table.show()

        read = median_of(lambda: activities.list_activities(store))
        found = activities.list_activities(store)

        def show() -> None:
            table.activities.set_activities(list(found))
            table.grab()

        shown = median_of(show)
        sort = median_of(
            lambda: (
                table.sortByColumn(COLUMNS.index(DATE), Qt.SortOrder.DescendingOrder),
                table.grab(),
            )
        )
        filtered = median_of(
            lambda: (
                table.proxy.set_filter_text("person 17"),
                table.proxy.set_filter_text(""),
            )
        )

        # the window while the tab reads its list on the worker
        longest, ticks = 0, QElapsedTimer()
        ticks.start()

        def tick() -> None:
            nonlocal longest
            longest = max(longest, ticks.restart())

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        loop = QEventLoop()
        table.loader.loaded.connect(
            lambda rows: (table.activities.set_activities(rows), loop.quit())
        )
        timer.start()
        ticks.restart()
        table.loader.load(lambda s: activities.list_activities(s))
        loop.exec()
        timer.stop()
        table.close()
        from navsync_desktop.gui.worker import wait_for_jobs

        wait_for_jobs(30)
    app.processEvents()
    print(f"{added:,} activities")
    print(f"read (list_activities): {read:.3f} s")
    print(f"model + paint: {shown:.3f} s")
    print(f"sort by date (header click): {sort:.3f} s")
    print(f"filter and clear: {filtered:.3f} s")
    print(f"longest timer gap while the list is read on the worker: {longest} ms")


if __name__ == "__main__":
    main()
