"""The header that is always in view: "Connected to Salesforce · Last synced …", and while a
sync runs what it does: "Syncing 42% — Contacts 41,000 / 98,000", "Retrying — Salesforce
answered 503".

The org and user go on the same line when there is room, and on a line of their own when the
window is narrow; a name too long even for that is shortened with "…" (the tooltip has it all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from navsync_desktop.engine.status import StatusReport
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import translate
from navsync_desktop.gui.widgets.elided_label import ElidedLabel
from navsync_desktop.i18n import Text
from navsync_desktop.store.connection import ConnectionState

if TYPE_CHECKING:
    from navsync_desktop.gui.app_state import AppState

STATE_TONES = {
    ConnectionState.CONNECTED: Tone.OK,
    ConnectionState.SYNCING: Tone.BUSY,
    ConnectionState.CONNECTING: Tone.BUSY,
    ConnectionState.RECONNECT_REQUIRED: Tone.WARNING,
    ConnectionState.DISCONNECTED: Tone.INACTIVE,
}
_GAP = 16  # between the state and the org when both are on one line


class StatusHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.dot = QLabel("●", self)
        self.dot.setAccessibleName("")
        # a long notice ("Slowing down — only 380 API requests are left today; …") is shortened
        # rather than widening the window; the tooltip has it whole
        self.state_label = ElidedLabel(self, Qt.TextElideMode.ElideRight)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet("font-weight: bold;")
        self.last_synced_label = QLabel(self)
        self.last_synced_label.setObjectName("last-synced")
        self.org_label = ElidedLabel(self)
        self.org_label.setObjectName("org")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(tone_style(Tone.WARNING))
        self.problem_label.hide()
        status_row = QWidget(self)
        row = QHBoxLayout(status_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dot)
        row.addWidget(self.state_label)
        row.addWidget(QLabel("·", status_row))
        row.addWidget(self.last_synced_label)
        row.addStretch(1)
        self._status_row = status_row
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(10, 6, 10, 6)
        self._grid.setHorizontalSpacing(_GAP)
        self._grid.addWidget(status_row, 0, 0)
        self._grid.addWidget(self.problem_label, 2, 0, 1, 2)
        self._wrapped: bool | None = None
        self._place_org(wrapped=False)
        self._status: StatusReport | None = None
        self._sync_line: Text | None = None
        self._writeback_line: Text | None = None

    def follow(self, app_state: AppState) -> None:
        """Shows the app's state from now on: the connection and a running sync."""
        app_state.status_changed.connect(self.show_status)
        app_state.sync_line_changed.connect(self.show_sync_line)
        app_state.writeback_line_changed.connect(self.show_writeback_line)
        self._sync_line = app_state.sync_line
        self._writeback_line = app_state.writeback_line
        self.show_status(app_state.status)

    def show_sync_line(self, line: Text | None) -> None:
        self._sync_line = line
        if self._status is not None:
            self.show_status(self._status)

    def show_writeback_line(self, line: Text | None) -> None:
        """While no sync runs, what a running write-back does."""
        self._writeback_line = line
        if self._status is not None:
            self.show_status(self._status)

    def show_status(self, status: StatusReport) -> None:
        self._status = status
        self.dot.setStyleSheet(tone_style(STATE_TONES[status.connection.state]))
        state = self._sync_line or self._writeback_line or status.state_label()
        self.state_label.setText(translate(state))
        self.last_synced_label.setText(translate(status.last_synced_label()))
        connection = status.connection
        org_name = connection.org_name or connection.org_id
        self.org_label.setText(f"{org_name} · {connection.username}" if connection.org_id else "")
        self.problem_label.setText(translate(status.problem) if status.problem else "")
        self.problem_label.setVisible(status.problem is not None)
        self.setAccessibleName(self.text())
        self._relayout()

    def text(self) -> str:
        """What the header says, as a user reads it."""
        said = f"{self.state_label.text()} · {self.last_synced_label.text()}"
        return f"{said} · {self.problem_label.text()}" if self.problem_label.text() else said

    def is_wrapped(self) -> bool:
        return bool(self._wrapped)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        margins = self._grid.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        one_line = self._status_row.sizeHint().width() + _GAP + self.org_label.full_width()
        self._place_org(wrapped=bool(self.org_label.text()) and one_line > room)

    def _place_org(self, *, wrapped: bool) -> None:
        if wrapped == self._wrapped:
            return
        self._wrapped = wrapped
        self._grid.removeWidget(self.org_label)
        if wrapped:  # a line of its own, under the state, aligned with the state's text
            self.org_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(self.org_label, 1, 0)
        else:
            self.org_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(self.org_label, 0, 1)
        self._grid.setColumnStretch(0, 1)
