"""A list of check results: a mark, the finding, and the fix under it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import translate

MARKS = {
    Status.PASS: ("✔", Tone.OK),
    Status.WARN: ("▲", Tone.WARNING),
    Status.FAIL: ("✖", Tone.ERROR),
}


class CheckList(QScrollArea):
    """Scrolls when the findings are longer than the page (long German texts, small screens)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Results of the checks"))  # it takes focus to scroll
        content = QWidget(self)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.setWidget(content)
        self._rows: list[QWidget] = []
        self.results: list[CheckResult] = []

    def set_results(self, results: list[CheckResult]) -> None:
        for row in self._rows:
            row.deleteLater()
        self._rows = [self._row(result) for result in results]
        for index, row in enumerate(self._rows):
            self._layout.insertWidget(index, row)
        self.results = list(results)

    def _row(self, result: CheckResult) -> QWidget:
        row = QFrame(self.widget())
        row.setObjectName(f"check-{result.id}")
        row.setProperty("status", result.status.value)
        grid = QGridLayout(row)
        grid.setContentsMargins(4, 4, 4, 4)
        symbol, tone = MARKS[result.status]
        mark = QLabel(symbol, row)
        mark.setStyleSheet(tone_style(tone, bold=True))
        mark.setAccessibleName(self._status_name(result.status))
        grid.addWidget(mark, 0, 0, Qt.AlignmentFlag.AlignTop)
        title, text = escape(translate(result.title)), escape(translate(result.finding))
        finding = QLabel(f"<b>{title}</b>: {text}", row)
        finding.setWordWrap(True)
        finding.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(finding, 0, 1)
        if result.fix is not None and result.status is not Status.PASS:
            fix = QLabel(self.tr("What to do: {fix}").format(fix=translate(result.fix)), row)
            fix.setWordWrap(True)
            fix.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(fix, 1, 1)
        grid.setColumnStretch(1, 1)
        return row

    def _status_name(self, status: Status) -> str:
        return {
            Status.PASS: self.tr("Passed"),
            Status.WARN: self.tr("Warning"),
            Status.FAIL: self.tr("Failed"),
        }[status]
