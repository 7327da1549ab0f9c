"""The setup wizard window: its steps in the admin guide's order, listed beside the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget, QWizard, QWizardPage

from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.wizard.connect import ConnectPage
from navsync_desktop.gui.wizard.crm_settings import CrmSettingsPage
from navsync_desktop.gui.wizard.finish import FinishPage
from navsync_desktop.gui.wizard.prerequisites import PrerequisitesPage
from navsync_desktop.gui.wizard.readiness import ReadinessPage
from navsync_desktop.gui.wizard.step_list import StepEntry, StepList
from navsync_desktop.gui.wizard.test_writeback import TestWriteBackPage
from navsync_desktop.gui.wizard.welcome import WelcomePage
from navsync_desktop.gui.wizard.writeback import WritebackPage
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import settings
from navsync_desktop.store.connection import ConnectionState

RESUME_SETTING = "wizard.page"  # the step the admin reached last
SET_UP_SETTING = "wizard.finished"  # True once the admin finished the wizard
BUTTON_ORDER = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


@dataclass(frozen=True)
class Step:
    name: str
    title: Text
    page: Callable[[AppState], QWizardPage]


STEPS = (
    Step("prerequisites", QT_TRANSLATE_NOOP("Wizard", "Prerequisites"), PrerequisitesPage),
    Step("connect", QT_TRANSLATE_NOOP("Wizard", "Connect to CRM"), ConnectPage),
    Step("readiness", QT_TRANSLATE_NOOP("Wizard", "Org readiness"), ReadinessPage),
    Step("crm_settings", QT_TRANSLATE_NOOP("Wizard", "CRM settings"), CrmSettingsPage),
    Step("writeback", QT_TRANSLATE_NOOP("Wizard", "Activity write-back"), WritebackPage),
    Step("test_writeback", QT_TRANSLATE_NOOP("Wizard", "Test Write-Back"), TestWriteBackPage),
    Step("finish", QT_TRANSLATE_NOOP("Wizard", "Finish"), FinishPage),
)


def is_set_up(app_state: AppState) -> bool:
    """The admin finished the wizard once: the program starts with the main window."""
    return bool(settings.get(app_state.store, SET_UP_SETTING, False))


class SetupWizard(QWizard):
    set_up = Signal()  # Finish was clicked: the main window takes over

    def __init__(
        self, app_state: AppState, *, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.setWindowTitle(self.tr("NavSync Desktop — CRM setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome_page = WelcomePage(demo=demo)
        self.welcome_page.setObjectName("welcome")
        self.addPage(self.welcome_page)
        self.pages: dict[str, QWizardPage] = {}
        for step in STEPS:
            page = step.page(app_state)
            page.setObjectName(step.name)
            self.addPage(page)
            self.pages[step.name] = page
        self.step_list = StepList([StepEntry(s.name, s.title) for s in STEPS])
        self.step_list.go_back_to.connect(self.go_back_to)
        self.setSideWidget(self.step_list)
        self.rejected.connect(app_state.manager.cancel_connect)
        # read before the first page is shown, which counts as reaching it
        self._left_off_at = settings.get(app_state.store, RESUME_SETTING)
        self.currentIdChanged.connect(self._page_changed)

    @property
    def prerequisites_page(self) -> PrerequisitesPage:
        return self.pages["prerequisites"]

    @property
    def connect_page(self) -> ConnectPage:
        return self.pages["connect"]

    @property
    def readiness_page(self) -> ReadinessPage:
        return self.pages["readiness"]

    @property
    def crm_settings_page(self) -> CrmSettingsPage:
        return self.pages["crm_settings"]

    @property
    def writeback_page(self) -> WritebackPage:
        return self.pages["writeback"]

    @property
    def test_writeback_page(self) -> TestWriteBackPage:
        return self.pages["test_writeback"]

    @property
    def finish_page(self) -> FinishPage:
        return self.pages["finish"]

    def resume(self) -> None:
        """Goes forward to the step where the admin left off, so Back still leads to the
        earlier ones: a step that needs a connection is reached only while connected. Once
        set up, the wizard (opened again from the menu) starts from the beginning."""
        connection = self.app_state.status.connection
        if connection.org_id:
            self.welcome_page.choose_demo(connection.is_demo)
        stored = self._left_off_at
        if stored is None or is_set_up(self.app_state):
            return
        self.go_forward_to(stored)

    def go_forward_to(self, name: str) -> None:
        """Next, step by step, up to the step ``name``; no further than Connect to CRM while
        not connected."""
        names = [self.page(page_id).objectName() for page_id in self.pageIds()]
        if name not in names:
            return
        connection = self.app_state.status.connection
        if connection.state not in (ConnectionState.CONNECTED, ConnectionState.SYNCING):
            name = names[min(names.index(name), names.index("connect"))]
        while self.currentPage().objectName() != name:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return

    def go_back_to(self, name: str) -> None:
        """Back, step by step, to a step the admin has done."""
        target = self.pages[name]
        visited = {self.page(page_id) for page_id in self.visitedIds()}
        while target in visited and self.currentPage() is not target:
            before = self.currentId()
            self.back()
            if self.currentId() == before:
                return

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab reads the step list, then the page, then Back, Next, Finish and Cancel: QWizard
        chains its buttons before the pages, and widgets a page makes later join the chain at
        its end."""
        stops = self._tab_stops()
        current = QApplication.focusWidget()
        if current not in stops:
            return super().focusNextPrevChild(next)
        target = stops[(stops.index(current) + (1 if next else -1)) % len(stops)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _tab_stops(self) -> list[QWidget]:
        chain, widget = [], self.nextInFocusChain()
        while widget is not None and widget is not self:
            takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            if takes_tab and widget.isVisible() and widget.isEnabled() and not widget.focusProxy():
                chain.append(widget)
            widget = widget.nextInFocusChain()
        page = self.currentPage()
        buttons = [self.button(which) for which in BUTTON_ORDER]
        return (
            [w for w in chain if self.step_list.isAncestorOf(w)]
            + [w for w in chain if page is not None and page.isAncestorOf(w)]
            + [button for button in buttons if button in chain]
        )

    def _page_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is not None:
            settings.put(self.app_state.store, RESUME_SETTING, page.objectName())
            self.step_list.show_current(page.objectName())

    def accept(self) -> None:
        settings.put(self.app_state.store, SET_UP_SETTING, True)
        self.set_up.emit()  # before the wizard closes, so the program never has no window
        super().accept()

    def sizeHint(self) -> QSize:
        return QSize(1000, 680)
