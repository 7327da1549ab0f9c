"""The setup wizard window, its pages in the admin guide's order."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWizard

from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.wizard.connect import ConnectPage
from navsync_desktop.gui.wizard.prerequisites import PrerequisitesPage
from navsync_desktop.gui.wizard.readiness import ReadinessPage
from navsync_desktop.gui.wizard.welcome import WelcomePage
from navsync_desktop.store import settings
from navsync_desktop.store.connection import ConnectionState

RESUME_SETTING = "wizard.page"  # the step the admin reached last


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
        for name, page in (
            ("welcome", self.welcome_page),
            ("prerequisites", self.prerequisites_page),
            ("connect", self.connect_page),
            ("readiness", self.readiness_page),
        ):
            page.setObjectName(name)
            self.addPage(page)
        self.rejected.connect(app_state.manager.cancel_connect)
        # read before the first page is shown, which counts as reaching it
        self._left_off_at = settings.get(app_state.store, RESUME_SETTING)
        self.currentIdChanged.connect(self._remember_page)

    def resume(self) -> None:
        """Goes forward to the step where the admin left off, so Back still leads to the
        earlier ones: a step that needs a connection is reached only while connected."""
        connection = self.app_state.status.connection
        if connection.org_id:
            self.welcome_page.choose_demo(connection.is_demo)
        stored = self._left_off_at
        order = [self.page(page_id) for page_id in self.pageIds()]
        names = [page.objectName() for page in order]
        if stored not in names:
            return
        target = names.index(stored)
        connected = connection.state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)
        if not connected:
            target = min(target, order.index(self.connect_page))
        for _ in range(target):
            self.next()

    def _remember_page(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None:
            settings.put(self.app_state.store, RESUME_SETTING, page.objectName())

    def sizeHint(self) -> QSize:
        return QSize(820, 640)
