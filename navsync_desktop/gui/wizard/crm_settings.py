"""Step 4: the CRM settings (they appear only after the first connection), while the initial
CRM sync runs in the background and shows how far it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.widgets.crm_settings_form import CrmSettingsForm
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.widgets.sync_progress_view import SyncProgressView


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """Long German texts and small screens: the page scrolls instead of cutting off."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    # it takes focus, so the keyboard can scroll it: named after its page or dialog
    area.setAccessibleName(
        parent.title() if isinstance(parent, QWizardPage) else parent.windowTitle()
    )
    return area


def lay_out_page(page: QWizardPage, header: QWidget, content: QWidget, parts: list) -> None:
    """A page: its status header on top, under it ``parts`` (widgets or layouts) in
    ``content``, which scrolls."""
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            inner.addWidget(part)
        else:
            inner.addLayout(part)
    inner.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addWidget(header)
    layout.addWidget(scrolling(content, page), 1)


class CrmSettingsPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.setTitle(self.tr("CRM settings"))
        self.setSubTitle(
            self.tr("Set how Sales Navigator works with your CRM data. You can change it later.")
        )
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        content = QWidget(self)
        self.form = CrmSettingsForm(app_state, content)
        self.form.ready_changed.connect(self.completeChanged)
        self.form.saved.connect(self._saved)
        sync_box = QGroupBox(self.tr("Initial CRM sync"), content)
        self.sync_view = SyncProgressView(app_state, sync_box)
        QVBoxLayout(sync_box).addWidget(self.sync_view)
        lay_out_page(self, self.header, content, [self.form, sync_box])
        self._saved_answers = False

    def initializePage(self) -> None:
        self.app_state.sync.start_initial_if_needed()
        self.form.load()

    def isComplete(self) -> bool:
        return self.form.is_ready()

    def validatePage(self) -> bool:
        """Next saves the answers first (on a worker); the wizard goes on once they are kept."""
        if self._saved_answers:
            self._saved_answers = False
            return True
        self.form.save()
        return False

    def _saved(self) -> None:
        self._saved_answers = True
        self.wizard().next()
