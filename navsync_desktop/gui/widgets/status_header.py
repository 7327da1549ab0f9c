"""The header that is always in view: "Connected to Salesforce · Last synced …"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from navsync_desktop.engine.status import StatusReport
from navsync_desktop.gui.i18n import translate
from navsync_desktop.store.connection import ConnectionState

STATE_COLOURS = {
    ConnectionState.CONNECTED: "#1e7e34",
    ConnectionState.SYNCING: "#1565c0",
    ConnectionState.CONNECTING: "#1565c0",
    ConnectionState.RECONNECT_REQUIRED: "#b26a00",
    ConnectionState.DISCONNECTED: "#757575",
}


class StatusHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.dot = QLabel("●", self)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet("font-weight: bold;")
        self.last_synced_label = QLabel(self)
        self.last_synced_label.setObjectName("last-synced")
        self.org_label = QLabel(self)
        self.org_label.setObjectName("org")
        self.org_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.dot)
        layout.addWidget(self.state_label)
        layout.addWidget(QLabel("·", self))
        layout.addWidget(self.last_synced_label)
        layout.addStretch(1)
        layout.addWidget(self.org_label)

    def show_status(self, status: StatusReport) -> None:
        self.dot.setStyleSheet(f"color: {STATE_COLOURS[status.connection.state]};")
        self.state_label.setText(translate(status.state_label()))
        self.last_synced_label.setText(translate(status.last_synced_label()))
        connection = status.connection
        self.org_label.setText(
            f"{connection.org_name} · {connection.username}" if connection.org_id else ""
        )
        self.setAccessibleName(f"{self.state_label.text()} · {self.last_synced_label.text()}")

    def text(self) -> str:
        """What the header says, as a user reads it."""
        return f"{self.state_label.text()} · {self.last_synced_label.text()}"
