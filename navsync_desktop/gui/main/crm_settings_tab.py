"""The CRM settings tab: the three answers, Change… (the wizard's form in a dialog), activity
write-back (the wizard's form, kept at each click), and how often the schedule syncs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import crm_settings, settings_catalog, sync_settings
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.widgets.crm_settings_form import CrmAnswersView, CrmSettingsForm
from navsync_desktop.gui.widgets.writeback_settings_form import WritebackSettingsForm
from navsync_desktop.gui.wizard.crm_settings import scrolling
from navsync_desktop.gui.worker import run_job

MAX_INTERVAL_HOURS = 24 * 30


class CrmSettingsDialog(QDialog):
    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the CRM settings"))
        self.form = CrmSettingsForm(app_state, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.form.save)
        self.buttons.rejected.connect(self.reject)
        self.form.ready_changed.connect(self._ready_changed)
        self.form.saved.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.form, self), 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.form.load()

    def _ready_changed(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.form.is_ready())


class CrmSettingsTab(QWidget):
    changed = Signal()  # an answer, the write-back settings or the interval was saved

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.dialog: CrmSettingsDialog | None = None
        answers_box = QGroupBox(self.tr("CRM settings"), self)
        self.answers = CrmAnswersView(answers_box)
        self.change_button = QPushButton(self.tr("Chan&ge…"), answers_box)
        self.change_button.clicked.connect(self.change)
        answers_layout = QVBoxLayout(answers_box)
        answers_layout.addWidget(self.answers)
        answers_layout.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)

        writeback_box = QGroupBox(self.tr("Activity write-back"), self)
        self.writeback_form = WritebackSettingsForm(app_state, writeback_box)
        self.writeback_form.saved.connect(self.changed)
        QVBoxLayout(writeback_box).addWidget(self.writeback_form)

        schedule_box = QGroupBox(self.tr("Schedule"), self)
        self.interval = QSpinBox(schedule_box)
        self.interval.setRange(1, MAX_INTERVAL_HOURS)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setKeyboardTracking(False)  # saved once the number is typed in whole
        self.interval.valueChanged.connect(self._save_interval)
        note = QLabel(
            self.tr(
                "How long after the end of the last successful sync the next one starts "
                "(1 to 720 hours; 24: daily). Sync now syncs at once."
            ),
            schedule_box,
        )
        note.setWordWrap(True)
        schedule_form = QFormLayout(schedule_box)
        schedule_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        schedule_form.addRow(self.tr("Sync e&very:"), self.interval)
        schedule_form.addRow(note)
        self.message = MessageLine(self)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(answers_box)
        inner.addWidget(writeback_box)
        inner.addWidget(schedule_box)
        inner.addWidget(self.message)
        inner.addStretch(1)
        area = scrolling(content, self)
        area.setAccessibleName(self.tr("CRM settings"))  # a tab has no window title to go by
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        self.refresh()
        self.writeback_form.load()

    def refresh(self) -> None:
        store = self.app_state.store
        self.answers.show_answers(store, crm_settings.synced_choices(store))
        self.writeback_form.refresh()
        self.interval.blockSignals(True)
        self.interval.setValue(sync_settings.interval_hours(store))
        self.interval.blockSignals(False)

    def change(self) -> None:
        self.dialog = CrmSettingsDialog(self.app_state, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()

    def _changed(self) -> None:
        self.message.show_done(self.tr("The CRM settings were saved."))
        self.refresh()
        self.changed.emit()

    def _save_interval(self, hours: int) -> None:
        store = self.app_state.store
        job = run_job(
            lambda _report: settings_catalog.change(
                store, sync_settings.INTERVAL_HOURS, str(hours)
            ),
            self,
        )
        job.succeeded.connect(lambda _value: self.changed.emit())
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
