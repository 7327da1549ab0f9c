"""The schedule and the one owner of the sync: a due sync starts (an injectable clock stands in
for the hours between syncs), one that is not due does not, never two at once; and progress
reaches the GUI thread without flooding it."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from gui_support import WAIT_MS, finish_jobs
from sync_support import connected, demo_org_server

from navsync_desktop.engine import settings_catalog
from navsync_desktop.engine.connection_state import utc_now
from navsync_desktop.engine.sync_progress import Phase, SyncProgress
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import translate
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.progress_mailbox import ProgressMailbox
from navsync_desktop.gui.sync_schedule import RETRY_AFTER, SyncScheduler
from navsync_desktop.gui.sync_text import progress_line
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.store import sync_runs


@pytest.fixture
def app_state(store, navsync_home, english_locale):
    with demo_org_server() as org, connected(store, org) as manager:
        state = AppState(store, manager)
        yield state
        finish_jobs(state)


class Clock:
    """Now, or as many hours later as the test says."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self):
        return utc_now() + self.ahead


def sync_and_wait(qtbot, app_state) -> None:
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        assert app_state.sync.start()


def test_a_due_sync_starts_and_one_not_due_does_not(qtbot, app_state):
    clock = Clock()
    scheduler = SyncScheduler(app_state, clock=clock)
    sync_and_wait(qtbot, app_state)
    last = sync_runs.last_synced(app_state.store)
    assert scheduler.next_due() == last + timedelta(hours=24), "daily by default"

    clock.ahead = timedelta(hours=23)
    assert not scheduler.check()
    settings_catalog.change(app_state.store, "sync.interval_hours", "6")
    assert scheduler.next_due() == last + timedelta(hours=6)

    clock.ahead = timedelta(hours=7)
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        assert scheduler.check()
        assert not scheduler.check(), "never two syncs at once"
    runs = sync_runs.history(app_state.store)
    assert [(run.status, run.full) for run in runs] == [("succeeded", False), ("succeeded", True)]


def test_after_a_failed_or_cancelled_run_the_schedule_waits_before_trying_again(
    qtbot, app_state, sync_gate
):
    clock = Clock()
    scheduler = SyncScheduler(app_state, clock=clock)
    assert scheduler.next_due() <= clock(), "never synced: due at once"
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        assert scheduler.check()
        assert sync_gate.reached.wait(30)
        assert not scheduler.check(), "one runs already"
        app_state.sync.cancel()
        sync_gate.release()
    assert sync_runs.history(app_state.store)[0].status == "cancelled"
    clock.ahead = RETRY_AFTER - timedelta(minutes=1)
    assert not scheduler.check()
    clock.ahead = RETRY_AFTER + timedelta(minutes=1)
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        assert scheduler.check()


def test_a_sync_due_while_the_program_was_closed_runs_soon_after_the_start(qtbot, app_state):
    sync_and_wait(qtbot, app_state)
    clock = Clock()
    clock.ahead = timedelta(hours=25)  # the program was closed for a day
    window = MainWindow(app_state, lambda _at: None, clock=clock)
    qtbot.addWidget(window)
    assert window.schedule_label.text() == "Next sync: soon (scheduled daily)."
    qtbot.waitUntil(lambda: len(sync_runs.history(app_state.store)) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not app_state.sync.running, timeout=WAIT_MS)
    assert sync_runs.history(app_state.store)[0].status == "succeeded"


def test_no_scheduled_sync_while_not_connected(qtbot, app_state):
    scheduler = SyncScheduler(app_state, clock=Clock())
    app_state.manager.disconnect()
    assert not scheduler.check()
    assert not app_state.sync.running


# progress to the GUI thread


def reading(read: int) -> SyncProgress:
    return SyncProgress(Phase.READING, "Contact", read, 98_000, read, 98_000, "bulk")


def test_progress_from_worker_threads_is_collected_merged_in_order_and_nothing_is_lost(
    qtbot,
):
    mailbox = ProgressMailbox(
        lambda a, b: a.phase is Phase.READING and b.phase is Phase.READING,
        interval_ms=60_000,  # a long interval: the readers' events wait for the GUI to collect
    )
    batches = []
    mailbox.delivered.connect(batches.append)
    mailbox.start()
    retry = SyncProgress(Phase.RETRYING, message=QT_TRANSLATE_NOOP("Sync", "Retrying"))

    def read(first: int, last: int) -> None:
        for count in range(first, last + 1):
            mailbox.put(reading(count))

    for part in ((1, 500), (501, 1000)):
        reader = threading.Thread(target=read, args=part)
        reader.start()
        reader.join()
        if part[0] == 1:
            mailbox.put(retry)
    qtbot.wait(50)  # turns of the event loop: the readers' events do not reach it by themselves
    assert batches == []
    mailbox.stop()  # what the controller does when the sync ends
    assert [[event.read for event in batch] for batch in batches] == [[500, 0, 1000]]


def test_while_started_the_gui_collects_progress_by_itself(qtbot):
    mailbox = ProgressMailbox(lambda a, b: True, interval_ms=10)
    batches = []
    mailbox.delivered.connect(batches.append)
    mailbox.start()
    reader = threading.Thread(target=lambda: mailbox.put(reading(7)))
    reader.start()
    reader.join()
    qtbot.waitUntil(lambda: bool(batches), timeout=WAIT_MS)
    assert [event.read for event in batches[0]] == [7]
    mailbox.stop()


def test_the_progress_line_names_the_object_by_its_german_label(german):
    event = SyncProgress(Phase.READING, "Contact", 41_000, 98_000, 41_000, 97_619, "bulk")
    assert translate(progress_line(event)) == "Synchronisierung 42 % — Kontakte 41.000 / 98.000"
    saving = SyncProgress(Phase.SAVING, "OpportunityContactRole")
    assert translate(progress_line(saving)) == "Opportunity-Kontaktrollen werden gespeichert…"
