"""What a user (or a screen reader, or a keyboard) meets on a live window, checked widget by
widget: the texts shown, text cut off, the Tab order, names for controls without text, and
colours that stay readable in a dark palette. Each check returns a list of findings (empty: all
good), so a test can say everything that is wrong on a screen at once."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from navsync_desktop.gui.widgets.elided_label import ElidedLabel

# --- the texts on a screen -------------------------------------------------------------------


def _plain(text: str) -> str:
    if re.search(r"<[a-zA-Z/][^>]*>|&[a-z]+;", text):  # rich text: what it reads as
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return re.sub(r"&(?=\S)", "", text.replace("&&", "\0")).replace("\0", "&").strip()


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible()


def visible_texts(window: QWidget) -> list[str]:
    """Every text a user can read on ``window`` now: window title, labels, buttons, check
    boxes, group titles, tabs, combo boxes, line edits' hints, table and tree headers and
    cells, menus."""
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not shown(widget, window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts += [widget.placeholderText()]
        elif isinstance(widget, QAbstractSpinBox):
            texts += [widget.text()]
        if isinstance(widget, QTableWidget):
            texts += _table_texts(widget)
        elif isinstance(widget, QTreeWidget):
            texts += _tree_texts(widget)
        if isinstance(widget, QMainWindow):
            for menu_action in widget.menuBar().actions():
                texts.append(menu_action.text())
                texts += [action.text() for action in menu_action.menu().actions()]
    return [plain for plain in (_plain(text) for text in texts if text) if plain]


def _table_texts(table: QTableWidget) -> list[str]:
    texts = []
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        texts.append(header.text() if header else "")
        for row in range(table.rowCount()):
            item = table.item(row, column)
            texts.append(item.text() if item else "")
    return texts


def _tree_texts(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    texts = [header.text(c) for c in range(tree.columnCount())]
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop()
        texts += [item.text(c) for c in range(tree.columnCount())]
        items += [item.child(i) for i in range(item.childCount())]
    return texts


@dataclass(frozen=True)
class Catalogue:
    """The German .ts: English sources and their German translations, without accelerators."""

    translation_of: dict[str, str]  # English source -> German translation

    @classmethod
    def load(cls, ts_file: Path) -> Catalogue:
        found = {}
        for message in ET.parse(ts_file).getroot().iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source and translation:
                found[_plain(source)] = _plain(translation)
        return cls(found)

    def english_words(self) -> set[str]:
        """Words of the English sources that no German translation uses."""
        german = _words(" ".join(self.translation_of.values()))
        english = _words(" ".join(self.translation_of)) | ENGLISH_FUNCTION_WORDS
        return english - german - _placeholder_words(self)


def _placeholder_words(catalogue: Catalogue) -> set[str]:
    names = re.findall(r"\{([a-z_]+)\}", " ".join(catalogue.translation_of))
    return {part.lower() for name in names for part in name.split("_")}


# English words any English sentence uses, so text never put through tr() is caught even when
# its other words are new
ENGLISH_FUNCTION_WORDS = {
    "about", "after", "been", "before", "from", "have", "here", "into", "only", "should",
    "some", "than", "that", "their", "there", "these", "this", "when", "which", "while",
    "with", "would", "your",
}  # fmt: skip


def _words(text: str) -> set[str]:
    """Words of 4 letters or more, without placeholders, addresses, emails and file paths."""
    text = re.sub(r"\{[a-z_]+\}|https?://\S+|\S+@\S+|(?:[A-Za-z]:)?(?:[/\\][\w.\-]+)+", " ", text)
    return {word.lower() for word in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", text)}


# pieces of one text that come from separate translations (header parts, "title: finding")
_SEPARATORS = re.compile(r"\s+·\s+|\n+|(?<=[.:!?])\s+|:\s+|\s+—\s+|\s+\(")


def english_leftovers(texts: list[str], catalogue: Catalogue, data_words: set[str]) -> list[str]:
    """Texts a German user would read in English. Two rules:
    1. a text, or a piece of it, equals an English source whose German translation differs;
    2. a text holds a word that only the English sources use (4 letters or more).
    Data is exempt from rule 2: numbers, dates, emails and addresses have no such words, and
    the words of the org's own records (names, stage labels, the org's name) are ``data_words``
    (the demo org is an English-speaking org: its picklist labels are English on purpose)."""
    english_only = catalogue.english_words() - data_words
    found = []
    for text in texts:
        pieces = [text, *(piece.strip(" .:") for piece in _SEPARATORS.split(text))]
        for piece in pieces:
            german = catalogue.translation_of.get(piece)
            if german is not None and german != piece:
                found.append(f"{text!r}: {piece!r} is English (German: {german!r})")
                break
        else:
            leftover = sorted(_words(text) & english_only)
            if leftover:
                found.append(f"{text!r}: English words {leftover}")
    return found


# --- text that does not fit ----------------------------------------------------------------


def cut_off_texts(window: QWidget) -> list[str]:
    """Labels, buttons, check boxes, radio buttons and tabs whose text needs more room than
    they got. A word-wrapping label must be tall enough for its lines; an elided label may be
    short when its tooltip holds the whole text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not shown(widget, window):
            continue
        if isinstance(widget, ElidedLabel):
            if widget.displayed_text() != widget.text() and widget.toolTip() != widget.text():
                found.append(f"elided without tooltip: {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(
                        _cut(widget, widget.text(), f"height {widget.height()} < {needed}")
                    )
            elif widget.sizeHint().width() > widget.width():
                found.append(_cut(widget, widget.text(), _widths(widget)))
        elif isinstance(widget, QAbstractButton) and widget.text() and not _in_item_view(widget):
            if widget.sizeHint().width() > widget.width():
                found.append(_cut(widget, widget.text(), _widths(widget)))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                text = _plain(widget.tabText(index))
                needed = widget.fontMetrics().horizontalAdvance(text)
                if needed > widget.tabRect(index).width():
                    found.append(
                        f"tab {text!r}: needs {needed}, has {widget.tabRect(index).width()}"
                    )
    return found


def _cut(widget: QWidget, text: str, detail: str) -> str:
    return f"{type(widget).__name__} {_plain(text)!r}: {detail}"


def _widths(widget: QWidget) -> str:
    return f"needs {widget.sizeHint().width()}, has {widget.width()}"


def _in_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


# --- keyboard: Tab order and the default button ---------------------------------------------


def tab_stops(window: QWidget) -> list[QWidget]:
    """The controls Tab should reach: enabled, visible, taking focus by Tab."""
    stops = []
    for widget in window.findChildren(QWidget):
        if (
            shown(widget, window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not isinstance(widget, QScrollBar)
            and widget.window() is window
        ):
            stops.append(widget)
    return stops


def walk_tab(window: QWidget, limit: int = 200) -> list[QWidget]:
    """Presses Tab from the first control in reading order until focus comes back to it."""
    stops = sorted(tab_stops(window), key=lambda w: reading_key(w, window))
    if not stops:
        return []
    window.activateWindow()
    first = stops[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    reached = [QApplication.focusWidget()]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is None or focused is reached[0]:
            break
        reached.append(focused)
    return [widget for widget in reached if widget is not None]


def reading_key(widget: QWidget, window: QWidget) -> tuple[int, int]:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return top_left.y(), top_left.x()


def reads_before(a: QWidget, b: QWidget, window: QWidget) -> bool:
    """Whether ``a`` comes before ``b`` in reading order: between the two blocks (children of
    their nearest common ancestor) that hold them, the upper one first; side by side (their
    heights overlap), the left one first. So a column of buttons is read down before the
    column beside it."""
    block_a, block_b = _blocks(a, b)
    top_a, top_b = block_a.mapTo(window, QPoint(0, 0)), block_b.mapTo(window, QPoint(0, 0))
    if block_a is block_b:  # one holds the other
        return True
    side_by_side = (
        top_a.y() < top_b.y() + block_b.height() and top_b.y() < top_a.y() + block_a.height()
    )
    if side_by_side and top_a.x() != top_b.x():
        return top_a.x() < top_b.x()
    return (top_a.y(), top_a.x()) <= (top_b.y(), top_b.x())


def _chain(widget: QWidget) -> list[QWidget]:
    chain = [widget]
    while chain[-1].parentWidget() is not None:
        chain.append(chain[-1].parentWidget())
    return chain[::-1]


def _blocks(a: QWidget, b: QWidget) -> tuple[QWidget, QWidget]:
    chain_a, chain_b = _chain(a), _chain(b)
    depth = 0
    while depth < min(len(chain_a), len(chain_b)) and chain_a[depth] is chain_b[depth]:
        depth += 1
    block_a = chain_a[depth] if depth < len(chain_a) else chain_a[-1]
    block_b = chain_b[depth] if depth < len(chain_b) else chain_b[-1]
    if depth == len(chain_a) or depth == len(chain_b):
        return block_a, block_a
    return block_a, block_b


def tab_order_problems(window: QWidget) -> list[str]:
    """Controls Tab does not reach, and steps back against the reading order. Radio buttons
    of one group are one stop (the arrow keys choose within it)."""
    expected = tab_stops(window)
    reached = walk_tab(window)
    problems = [
        f"not reached by Tab: {describe(w)}"
        for w in expected
        if w not in reached and not any(_same_radio_group(w, r) for r in reached)
    ]
    for before, after in itertools.pairwise(reached):
        if not reads_before(before, after, window):
            problems.append(f"Tab goes back from {describe(before)} to {describe(after)}")
    return problems


def _same_radio_group(one: QWidget, other: QWidget) -> bool:
    return (
        isinstance(one, QRadioButton)
        and isinstance(other, QRadioButton)
        and one.autoExclusive()
        and one.parentWidget() is other.parentWidget()
    )


def default_button(window: QWidget) -> QPushButton | None:
    defaults = [b for b in window.findChildren(QPushButton) if b.isDefault() and shown(b, window)]
    return defaults[0] if len(defaults) == 1 else None


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = _plain(text()) if callable(text) and isinstance(text(), str) else ""
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({label or name!r})"


# --- names for screen readers ----------------------------------------------------------------

NEEDS_A_NAME = (QAbstractItemView, QProgressBar)  # but not the header views inside tables


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls a screen reader cannot name: a focusable control, table, tree, list or
    progress bar without visible text of its own, without a label naming it (a buddy), and
    without an accessible name."""
    named_by_labels = {
        label.buddy() for label in window.findChildren(QLabel) if label.buddy() is not None
    }
    found, stops = [], tab_stops(window)
    for widget in window.findChildren(QWidget):
        if not shown(widget, window) or widget.accessibleName() or widget in named_by_labels:
            continue
        if isinstance(widget, QHeaderView):
            continue  # part of its table, named with it
        focusable = widget in stops and not isinstance(widget, QTabBar)
        if not (focusable or isinstance(widget, NEEDS_A_NAME)):
            continue
        text = getattr(widget, "text", None)
        if isinstance(widget, QAbstractButton) and callable(text) and _plain(text()):
            continue
        if isinstance(widget, QGroupBox) and widget.title():
            continue
        found.append(describe(widget))
    return found


# --- colours in a dark palette --------------------------------------------------------------


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def hard_to_read_texts(window: QWidget) -> list[str]:
    """Texts whose colour (after style sheets) stands out too little from what is behind them:
    labels against the window (4.5:1; a lone symbol such as a status mark 3:1, as for
    graphics), and coloured cells of tables and trees against the view's base. Disabled text
    is exempt, as WCAG has it."""
    found = []
    background = window.palette().color(QPalette.ColorRole.Window)
    for label in window.findChildren(QLabel):
        text = _plain(label.text())
        if not shown(label, window) or not text or not label.isEnabled():
            continue
        label.ensurePolished()
        colour = label.palette().color(label.foregroundRole())
        minimum = 3.0 if len(text) == 1 else 4.5
        if contrast(colour, background) < minimum:
            found.append(_unreadable(text, colour, background))
    for view in window.findChildren(QAbstractItemView):
        if not shown(view, window):
            continue
        base = view.palette().color(QPalette.ColorRole.Base)
        for text, brush in _coloured_cells(view):
            if brush.style() != Qt.BrushStyle.NoBrush and contrast(brush.color(), base) < 4.5:
                found.append(_unreadable(text, brush.color(), base))
    return found


def _unreadable(text: str, colour: QColor, background: QColor) -> str:
    return (
        f"{text!r}: {colour.name()} on {background.name()} ({contrast(colour, background):.1f}:1)"
    )


def _coloured_cells(view: QAbstractItemView):
    if isinstance(view, QTableWidget):
        for row in range(view.rowCount()):
            for column in range(view.columnCount()):
                item = view.item(row, column)
                if item is not None:
                    yield item.text(), item.foreground()
    elif isinstance(view, QTreeWidget):
        items = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
        while items:
            item = items.pop()
            for column in range(view.columnCount()):
                yield item.text(column), item.foreground(column)
            items += [item.child(i) for i in range(item.childCount())]


def dark_palette() -> QPalette:
    """A dark desktop theme, as KDE's Breeze Dark or GNOME's dark style hand it to Qt."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.ToolTipBase: "#31363b",
        QPalette.ColorRole.ToolTipText: "#fcfcfc",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.Light: "#40464c",
        QPalette.ColorRole.Midlight: "#363b40",
        QPalette.ColorRole.Mid: "#24282b",
        QPalette.ColorRole.Dark: "#141618",
        QPalette.ColorRole.Shadow: "#0c0d0e",
        QPalette.ColorRole.Link: "#1d99f3",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7175"))
    return palette
