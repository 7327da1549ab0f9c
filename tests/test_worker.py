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
