"""The last step: what was set up, and what happens next."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from navsync_desktop.engine import crm_settings, sync_settings
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import translate
from navsync_desktop.gui.sync_text import interval_text
from navsync_desktop.gui.widgets.crm_settings_form import CrmAnswersView
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.widgets.sync_progress_view import SyncProgressView
from navsync_desktop.gui.widgets.wrapped_label import wrapped_label
from navsync_desktop.gui.widgets.writeback_settings_form import WritebackSummary
from navsync_desktop.gui.wizard.crm_settings import lay_out_page


class FinishPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.setTitle(self.tr("Finish"))
        self.setSubTitle(self.tr("NavSync Desktop is set up. Here is what you chose."))
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        content = QWidget(self)
        connection_box = QGroupBox(self.tr("Salesforce"), content)
        self.org_label = wrapped_label(parent=connection_box)
        self.user_label = wrapped_label(parent=connection_box)
        self.sync_view = SyncProgressView(app_state, connection_box)
        form = QFormLayout(connection_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Org:"), self.org_label)
        form.addRow(self.tr("Connected as:"), self.user_label)
        form.addRow(self.tr("CRM sync:"), self.sync_view)
        settings_box = QGroupBox(self.tr("CRM settings"), content)
        self.answers = CrmAnswersView(settings_box)
        QVBoxLayout(settings_box).addWidget(self.answers)
        writeback_box = QGroupBox(self.tr("Activity write-back"), content)
        self.writeback = WritebackSummary(writeback_box)
        self.test_label = wrapped_label(parent=writeback_box)
        writeback_form = QFormLayout(writeback_box)
        writeback_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        writeback_form.addRow(self.tr("Write-back:"), self.writeback)
        writeback_form.addRow(self.tr("Test Write-Back:"), self.test_label)
        next_box = QGroupBox(self.tr("What happens next"), content)
        self.next_label = wrapped_label(parent=next_box)
        QVBoxLayout(next_box).addWidget(self.next_label)
        boxes = [connection_box, settings_box, writeback_box, next_box]
        lay_out_page(self, self.header, content, boxes)

    def initializePage(self) -> None:
        store = self.app_state.store
        connection = self.app_state.status.connection
        self.org_label.setText(f"{connection.org_name or connection.org_id} ({connection.org_id})")
        self.user_label.setText(connection.username or "")
        offered = self.wizard().crm_settings_page.form.choices or crm_settings.synced_choices(store)
        self.answers.show_answers(store, offered)
        self.writeback.show_settings(store)
        self.test_label.setText(self.wizard().test_writeback_page.outcome_text())
        self.next_label.setText(
            self.tr(
                "{finish} opens the main window. Its header always shows whether NavSync Desktop "
                "is connected to Salesforce and when it last synced. The CRM data is synced "
                "{interval}, and Sync now syncs at once. Manage the seat holders on the "
                "Seats tab, and change these answers and the activity write-back on the CRM "
                "settings tab."
            ).format(
                finish=self.wizard().buttonText(QWizard.WizardButton.FinishButton).replace("&", ""),
                interval=translate(interval_text(sync_settings.interval_hours(store))),
            )
        )
        self.sync_view.update_view()
