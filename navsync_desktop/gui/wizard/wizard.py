"""The setup wizard window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWizard

from navsync_desktop.gui.wizard.welcome import WelcomePage


class SetupWizard(QWizard):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("NavSync Desktop — CRM setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome_page = WelcomePage()
        self.addPage(self.welcome_page)

    def sizeHint(self) -> QSize:
        return QSize(760, 560)
