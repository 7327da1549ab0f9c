"""The wizard's steps beside its page: done ones ticked (a click goes back to one), the
current one marked, the ones to come plain."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from navsync_desktop.gui.i18n import translate
from navsync_desktop.i18n import Text

WIDTH = 190
ROW_WIDTH = WIDTH - 40  # less the frame's and the button's margins


@dataclass(frozen=True)
class StepEntry:
    name: str  # the page's object name
    title: Text


class _StepRow(QWidget):
    """A button for a done step (to go back to it), a label otherwise."""

    def __init__(self, entry: StepEntry, parent: QWidget) -> None:
        super().__init__(parent)
        self.entry = entry
        self.button = QPushButton(self)
        self.button.setFlat(True)
        self.button.setAutoDefault(False)  # focused, it must not take Enter from Next
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet("text-align: left; padding: 2px 4px;")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setContentsMargins(4, 2, 4, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.label)


def _broken_into_lines(text: str, button: QPushButton, width: int) -> str:
    """A button's text does not wrap by itself: long (German) step titles are broken at
    spaces so that they fit the list's width."""
    metrics = button.fontMetrics()
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") > width:
            lines.append(word)
        elif lines:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class StepList(QFrame):
    """``go_back_to(name)`` asks the wizard to return to a done step."""

    go_back_to = Signal(str)

    def __init__(self, steps: list[StepEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step-list")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(WIDTH)
        self.setAccessibleName(self.tr("Setup steps"))
        heading = QLabel(self.tr("Steps"), self)
        heading.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.rows = [_StepRow(step, self) for step in steps]
        for row in self.rows:
            row.button.clicked.connect(
                lambda _checked=False, name=row.entry.name: self.go_back_to.emit(name)
            )
            layout.addWidget(row)
        layout.addStretch(1)
        self.show_current(None)

    def show_current(self, name: str | None) -> None:
        """Marks ``name`` as the current step and the steps before it as done (None: the
        welcome page, before the first step)."""
        names = [row.entry.name for row in self.rows]
        current = names.index(name) if name in names else -1
        for index, row in enumerate(self.rows):
            title = translate(row.entry.title)
            done = index < current
            row.button.setVisible(done)
            row.label.setVisible(not done)
            if done:
                row.button.setText(_broken_into_lines(f"✔  {title}", row.button, ROW_WIDTH))
                row.button.setToolTip(self.tr("Go back to this step"))
                row.button.setAccessibleName(self.tr("{step}: done").format(step=title))
            elif index == current:
                row.label.setText(f"▶  {title}")
                row.label.setStyleSheet("font-weight: bold;")
                row.label.setAccessibleName(self.tr("{step}: current step").format(step=title))
            else:
                row.label.setText(f"○  {title}")
                row.label.setStyleSheet("")
                row.label.setAccessibleName(self.tr("{step}: to come").format(step=title))
