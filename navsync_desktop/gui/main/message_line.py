"""One line under a tab's buttons that says what the last action came to: done, or why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from navsync_desktop.gui.colours import Tone, tone_style


class MessageLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = False
        self.hide()

    def show_done(self, text: str) -> None:
        self.setStyleSheet("")
        self._error = False
        self.setText(text)
        self.show()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(tone_style(Tone.ERROR))
        self._error = True
        self.setText(text)
        self.show()

    def is_error(self) -> bool:
        return self.isVisible() and self._error
