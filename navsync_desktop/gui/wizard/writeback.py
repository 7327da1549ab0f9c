"""Step 6: activity write-back, on or off, and which items go back to the CRM. Optional: Next
works either way; each choice is kept the moment it is made."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizardPage

from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.widgets.writeback_settings_form import WritebackSettingsForm
from navsync_desktop.gui.wizard.crm_settings import lay_out_page


class WritebackPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.setTitle(self.tr("Activity write-back"))
        self.setSubTitle(
            self.tr(
                "Choose whether InMails, messages, notes and calls go back to your CRM as "
                "activities. You can change it later on the CRM settings tab."
            )
        )
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        content = QWidget(self)
        self.form = WritebackSettingsForm(app_state, content)
        lay_out_page(self, self.header, content, [self.form])

    def initializePage(self) -> None:
        self.form.load()
        self.form.enable.setFocus()
