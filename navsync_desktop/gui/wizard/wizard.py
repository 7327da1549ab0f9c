"""The setup wizard window, its pages in the admin guide's order."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWizard

from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.wizard.connect import ConnectPage
from navsync_desktop.gui.wizard.prerequisites import PrerequisitesPage
from navsync_desktop.gui.wizard.readiness import ReadinessPage
from navsync_desktop.gui.wizard.welcome import WelcomePage


class SetupWizard(QWizard):
    def __init__(self, app_state: AppState, *, demo: bool = False) -> None:
        super().__init__()
        self.app_state = app_state
        self.setWindowTitle(self.tr("NavSync Desktop — CRM setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome_page = WelcomePage(demo=demo)
        self.prerequisites_page = PrerequisitesPage(app_state.store)
        self.connect_page = ConnectPage(app_state, app_state.manager)
        self.readiness_page = ReadinessPage(app_state, app_state.manager)
        for page in (
            self.welcome_page,
            self.prerequisites_page,
            self.connect_page,
            self.readiness_page,
        ):
            self.addPage(page)
        self.rejected.connect(app_state.manager.cancel_connect)

    def sizeHint(self) -> QSize:
        return QSize(820, 640)
