"""One line under a tab's buttons that says what the last action came to: done, or why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOUR = "#c62828"


class MessageLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_done(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.show()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setText(text)
        self.show()

    def is_error(self) -> bool:
        return self.isVisible() and ERROR_COLOUR in self.styleSheet()
