"""Step 3: is the connected org ready? Next stays disabled while a check fails;
warnings must be acknowledged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWizardPage

from navsync_desktop.engine.bundle_collect import remember_checks
from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.readiness import org_checks
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error
from navsync_desktop.gui.widgets.check_list import CheckList
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.worker import run_job


def _check_org(manager: ConnectionManager) -> list[CheckResult]:
    with manager.open_session() as session:
        results = org_checks(session)
    remember_checks(results)  # the last known, for a support bundle made while not connected
    return results


class ReadinessPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.manager = app_state.manager
        self.setTitle(self.tr("Org readiness"))
        self.setSubTitle(self.tr("The connected org is checked against the requirements."))
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        self.busy_label = QLabel(self.tr("Checking the org…"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(tone_style(Tone.ERROR))
        self.checks = CheckList(self)
        self.acknowledge = QCheckBox(
            self.tr("I have read the &warnings and want to continue anyway")
        )
        self.acknowledge.toggled.connect(self.completeChanged)
        self.rerun_button = QPushButton(self.tr("Run the checks &again"))
        self.rerun_button.clicked.connect(self.run_checks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.rerun_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._job = None

    def initializePage(self) -> None:
        self.app_state.sync.start_initial_if_needed()  # e.g. resumed here after a restart
        self.run_checks()

    def run_checks(self) -> None:
        self.checks.set_results([])  # results of an earlier run must not pass for today's
        self.busy_label.show()
        self.error_label.hide()
        self.acknowledge.hide()
        self.acknowledge.setChecked(False)
        self.rerun_button.setEnabled(False)
        job = self.app_state.watch(run_job(lambda _report: _check_org(self.manager), self))
        job.succeeded.connect(self._show_results)
        job.failed.connect(self._show_error)
        job.done.connect(self._finished)
        self._job = job
        self.completeChanged.emit()

    def _show_results(self, results) -> None:
        self.checks.set_results(results)
        self.acknowledge.setVisible(any(r.status is Status.WARN for r in results))

    def _show_error(self, error) -> None:
        self.checks.set_results([])
        self.error_label.setText(describe_error(error))
        self.error_label.show()

    def _finished(self) -> None:
        self._job = None
        self.busy_label.hide()
        self.rerun_button.setEnabled(True)
        self.app_state.refresh()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        results = self.checks.results
        if self._job is not None or not results:
            return False
        if any(result.status is Status.FAIL for result in results):
            return False
        warned = any(result.status is Status.WARN for result in results)
        return not warned or self.acknowledge.isChecked()
