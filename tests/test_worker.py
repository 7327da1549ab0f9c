"""The GUI's background jobs: counted while they run, so the program can wait for them."""

import threading

from PySide6.QtCore import QObject

from navsync_desktop.gui.worker import run_job, running_jobs, wait_for_jobs


def test_wait_for_jobs_returns_once_the_running_jobs_ended(qapp):
    started, release = threading.Event(), threading.Event()
    owner = QObject()
    run_job(lambda _report: (started.set(), release.wait(30)), owner)
    assert started.wait(30)
    assert running_jobs() == 1
    assert not wait_for_jobs(0.05), "the job still runs"
    release.set()
    assert wait_for_jobs(30)
    assert running_jobs() == 0


def test_a_failing_job_is_counted_out_too(qapp):
    owner = QObject()

    def fail(_report):
        raise RuntimeError("the job failed")

    run_job(fail, owner)
    assert wait_for_jobs(30)
    assert running_jobs() == 0


def test_jobs_that_wait_do_not_hold_back_the_others(qtbot):
    """A login waits minutes for the browser and a sync for Salesforce; on a two-core laptop
    the next job must still start at once."""
    owner = QObject()
    release = threading.Event()
    for _ in range(4):
        run_job(lambda _report: release.wait(30), owner)
    results = []
    run_job(lambda _report: "done", owner).succeeded.connect(results.append)  # queued
    try:
        qtbot.waitUntil(lambda: results == ["done"], timeout=5_000)
    finally:
        release.set()
    assert wait_for_jobs(30)


def test_a_job_that_ends_at_once_still_reaches_the_slots_connected_after_starting_it(qtbot):
    owner = QObject()
    for _ in range(20):  # a race would show within a few tries
        failures, results = [], []
        job = run_job(lambda _report: 1 / 0, owner)
        time_for_the_job_to_end = threading.Event()
        time_for_the_job_to_end.wait(0.02)
        job.failed.connect(failures.append)
        job.done.connect(lambda ended=results: ended.append("done"))
        qtbot.waitUntil(lambda ended=results: ended == ["done"], timeout=5_000)
        assert [type(error) for error in failures] == [ZeroDivisionError]


def test_a_job_whose_window_is_closed_runs_to_its_end_and_tells_no_one(qtbot):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    release = threading.Event()
    heard = []
    job = run_job(lambda _report: release.wait(30), window)
    job.done.connect(lambda: heard.append("done"))
    window.deleteLater()
    qtbot.waitUntil(lambda: running_jobs() == 1 and not heard, timeout=5_000)
    QObject().deleteLater()  # let the event loop run the window's deletion
    qtbot.wait(50)
    release.set()
    assert wait_for_jobs(30)
    qtbot.wait(50)
    assert heard == [], "its listeners went with the window"
