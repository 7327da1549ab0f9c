"""Step 7: Test Write-Back. A test contact and one test activity of every item synced back are
created in the CRM, each listed with View in CRM; Delete test data removes them again. The
test is optional: Next goes on without it, and the page says so."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from navsync_desktop.engine import writeback_settings
from navsync_desktop.engine.writeback_trial import (
    TEST_RECORDS,
    TestRecord,
    TestWriteBackResult,
    cleanup_test_writeback,
    run_test_writeback,
)
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error, format_number, translate
from navsync_desktop.gui.sync_text import record_title
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.widgets.wrapped_label import wrapped_label
from navsync_desktop.gui.wizard.crm_settings import lay_out_page
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import settings


class Outcome(Enum):
    NOT_RUN = "not_run"
    SKIPPED = "skipped"  # write-back off or unavailable: nothing to test
    PASSED = "passed"
    FAILED = "failed"


class TestWriteBackPage(QWizardPage):
    __test__ = False  # not a pytest test class

    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.setTitle(self.tr("Test Write-Back"))
        self.setSubTitle(self.tr("Check that activities arrive in your CRM before you finish."))
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        content = QWidget(self)
        intro = wrapped_label(
            parent=content,
            text=self.tr(
                "Test Write-Back creates a contact in your CRM and, for this test contact, one "
                "test activity of every item you sync back, so that you can check them: View "
                "in CRM shows each test record. No test record is created when a validation "
                "rule of your CRM requires an email address on contacts."
            ),
        )
        self.skip_label = wrapped_label(parent=content)
        self.skip_label.setObjectName("skip")
        self.run_button = QPushButton(self.tr("&Run Test Write-Back"), content)
        self.run_button.clicked.connect(self.run_test)
        self.busy_bar = QProgressBar(content)
        self.busy_bar.setRange(0, 0)  # busy, without a known end
        self.busy_bar.setMaximumWidth(200)
        self.busy_label = QLabel(self.tr("Creating the test records in your CRM…"), content)
        busy = QHBoxLayout()
        busy.addWidget(self.run_button)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label)
        busy.addStretch(1)
        self.error_label = wrapped_label(parent=content)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(tone_style(Tone.ERROR))

        self.records_box = QGroupBox(self.tr("Test records in your CRM"), content)
        self.records_grid = QGridLayout()
        self.reports_label = wrapped_label(parent=self.records_box)
        self.view_message = wrapped_label(parent=self.records_box)
        self.view_message.setObjectName("view-message")
        self.view_message.hide()
        records_layout = QVBoxLayout(self.records_box)
        records_layout.addLayout(self.records_grid)
        records_layout.addWidget(self.view_message)
        records_layout.addWidget(self.reports_label)

        self.cleanup_label = wrapped_label(parent=content)
        self.cleanup_label.setObjectName("cleanup")
        self.delete_button = QPushButton(self.tr("&Delete test data"), content)
        self.delete_button.clicked.connect(self.delete_test_data)
        cleanup = QHBoxLayout()
        cleanup.addWidget(self.delete_button)
        cleanup.addWidget(self.cleanup_label, 1)
        cleanup.addStretch(0)

        parts = [intro, self.skip_label, busy, self.error_label, self.records_box, cleanup]
        lay_out_page(self, self.header, content, parts)

        self.outcome = Outcome.NOT_RUN
        self.result: TestWriteBackResult | None = None
        self.deleted: int | None = None
        self.view_buttons: list[QPushButton] = []
        self._job = None
        self._show_idle()

    # what the page shows

    def initializePage(self) -> None:
        refusal = writeback_settings.refusal(self.app_state.store)
        if refusal is not None:
            self.outcome = Outcome.SKIPPED
        elif self.outcome is Outcome.SKIPPED:
            self.outcome = Outcome.NOT_RUN  # write-back was turned on since
        self._show_idle()
        if self.run_button.isEnabled():
            self.run_button.setFocus()  # Enter runs the test

    def skip_reason(self) -> str | None:
        refusal = writeback_settings.refusal(self.app_state.store)
        if refusal is None:
            return None
        if refusal is writeback_settings.WRITEBACK_OFF:
            return self.tr(
                "Activity write-back is off, so there is nothing to test: Test Write-Back is "
                "skipped. Turn write-back on on the previous page to test it."
            )
        return self.tr("Test Write-Back is skipped. {reason}").format(reason=translate(refusal))

    def _show_idle(self) -> None:
        running = self._job is not None
        reason = self.skip_reason()
        if reason is not None:
            self.skip_label.setText(reason)
        elif self.outcome is Outcome.PASSED:
            self.skip_label.setText("")
        else:
            self.skip_label.setText(
                self.tr(
                    "The test is optional: Next goes on without it. Activities then reach "
                    "your CRM untested."
                )
            )
        self.skip_label.setVisible(bool(self.skip_label.text()))
        self.run_button.setEnabled(reason is None and not running)
        self.run_button.setText(
            self.tr("&Retry") if self.outcome is Outcome.FAILED else self.tr("&Run Test Write-Back")
        )
        self.busy_bar.setVisible(running)
        self.busy_label.setVisible(running)
        self.error_label.setVisible(self.outcome is Outcome.FAILED and not running)
        self.records_box.setVisible(self.result is not None and not running)
        kept = bool(settings.get(self.app_state.store, TEST_RECORDS, []))
        self.delete_button.setVisible(kept)
        self.delete_button.setEnabled(kept and not running)
        if kept and self.result is None:
            self.cleanup_label.setText(
                self.tr("Test records of an earlier Test Write-Back are still in your CRM.")
            )
        self.cleanup_label.setVisible(bool(self.cleanup_label.text()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._job is None

    # running the test

    def run_test(self) -> None:
        if self._job is not None:
            return
        store, manager = self.app_state.store, self.app_state.manager
        self.result = None
        self.deleted = None
        self.cleanup_label.setText("")
        self._show_view_message("")
        job = self.app_state.watch(
            run_job(lambda _report: run_test_writeback(store, manager), self)
        )
        job.succeeded.connect(self._passed)
        job.failed.connect(self._failed)
        job.done.connect(self._job_done)
        self._job = job
        self._show_idle()

    def _passed(self, result: TestWriteBackResult) -> None:
        self.outcome = Outcome.PASSED
        self.result = result
        self._list_records(result.records)
        self.reports_label.setText(translate(result.reports_hint))

    def _failed(self, error: Exception) -> None:
        self.outcome = Outcome.FAILED
        self.error_label.setText(describe_error(error))

    def _job_done(self) -> None:
        self._job = None
        self._show_idle()
        if self.outcome is Outcome.FAILED:
            self.run_button.setFocus()  # Enter tries again
        elif self.view_buttons:
            self.view_buttons[0].setFocus()

    def _list_records(self, records: list[TestRecord]) -> None:
        while self.records_grid.count():
            self.records_grid.takeAt(0).widget().deleteLater()
        self.view_buttons = []
        for column, heading in enumerate(
            (self.tr("Test record"), self.tr("Object"), self.tr("Salesforce record"))
        ):
            title = QLabel(heading, self.records_box)
            title.setStyleSheet("font-weight: bold;")
            self.records_grid.addWidget(title, 0, column)
        for row, record in enumerate(records, start=1):
            label = translate(record.label)
            self.records_grid.addWidget(QLabel(label, self.records_box), row, 0)
            sobject = QLabel(record_title(record.sobject), self.records_box)
            self.records_grid.addWidget(sobject, row, 1)
            record_id = QLabel(record.id, self.records_box)
            record_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.records_grid.addWidget(record_id, row, 2)
            button = QPushButton(self.tr("View in CRM"), self.records_box)
            button.setAccessibleName(self.tr("View {record} in CRM").format(record=label))
            button.clicked.connect(lambda _checked=False, shown=record: self.view_in_crm(shown))
            self.records_grid.addWidget(button, row, 3)
            self.view_buttons.append(button)
        self.records_grid.setColumnStretch(2, 1)

    # View in CRM and the cleanup

    def view_in_crm(self, record: TestRecord) -> None:
        """Opens the record in the browser (a demo record logged in, through its front door:
        asking for that link is a request, so it runs on a worker)."""
        manager = self.app_state.manager
        job = run_job(lambda _report: manager.open_record_url(record.sobject, record.id), self)
        job.succeeded.connect(lambda url: self._open(url, record))
        job.failed.connect(lambda error: self._show_view_message(describe_error(error)))

    def _open(self, url: str, record: TestRecord) -> None:
        if QDesktopServices.openUrl(QUrl(url)):
            self._show_view_message("")
        else:
            self._show_view_message(
                self.tr("No browser could be opened. The record's address: {url}").format(
                    url=record.view_url
                )
            )

    def _show_view_message(self, text: str) -> None:
        self.view_message.setText(text)
        self.view_message.setVisible(bool(text))

    def delete_test_data(self) -> None:
        if self._job is not None:
            return
        store, manager = self.app_state.store, self.app_state.manager
        job = self.app_state.watch(
            run_job(lambda _report: cleanup_test_writeback(store, manager), self)
        )
        job.succeeded.connect(self._deleted)
        job.failed.connect(
            lambda error: self.cleanup_label.setText(
                self.tr("The test data could not be deleted: {reason}").format(
                    reason=describe_error(error)
                )
            )
        )
        job.done.connect(self._job_done)
        self._job = job
        self._show_idle()

    def _deleted(self, count: int) -> None:
        self.deleted = count
        self.result = None
        self.cleanup_label.setText(
            self.tr("Test records deleted in your CRM: {count}.").format(count=format_number(count))
        )

    def outcome_text(self) -> str:
        """The outcome in one line, for the wizard's summary."""
        if self.outcome is Outcome.SKIPPED:
            return self.skip_reason() or self.tr("Skipped.")
        if self.outcome is Outcome.FAILED:
            return self.tr("Failed: {reason}").format(reason=self.error_label.text())
        if self.outcome is Outcome.PASSED:
            if self.deleted is not None:
                return self.tr("Passed; the test records were deleted again.")
            return self.tr(
                "Passed. Its test records are still in your CRM: once you have checked them, "
                "delete them with Delete test data (Back), or later with navsync-desktop "
                "test-writeback --cleanup."
            )
        return self.tr("Not run: activities reach your CRM untested.")
