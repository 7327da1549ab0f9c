"""The screen checks of test_tour.py find what they are for: each is shown a small window with
the fault it looks for (and the same window without it)."""

from __future__ import annotations

import pytest
from conftest import GERMAN_TS
from PySide6.QtCore import QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from screen_checks import (
    Catalogue,
    cut_off_texts,
    dark_palette,
    english_leftovers,
    hard_to_read_texts,
    tab_order_problems,
    unnamed_controls,
)

from navsync_desktop import paths


@pytest.fixture
def window(qtbot):
    window = QDialog()
    qtbot.addWidget(window)
    return window


def shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()


def test_english_in_a_german_window_is_found():
    catalogue = Catalogue.load(GERMAN_TS)
    german = catalogue.translation_of["Sync history"]
    assert (
        english_leftovers([german, "Northwind Demo GmbH", "27.11.2026 08:21"], catalogue, set())
        == []
    )
    assert english_leftovers(["Sync history"], catalogue, set())  # a tr() source, untranslated
    assert english_leftovers(["Wait while this runs"], catalogue, set()), "never went through tr()"
    assert (
        english_leftovers(
            ["Lena Hoffmann", "1.234", "lena@northwind-demo.example", "/tmp/x/demo.cfg"],
            catalogue,
            set(),
        )
        == []
    ), "names, numbers, emails and paths are data"


def test_a_cut_off_button_is_found(qtbot, window):
    button = QPushButton("Eine ziemlich lange Beschriftung", window)
    button.setFixedWidth(60)
    shown(qtbot, window)
    assert cut_off_texts(window)
    button.setFixedWidth(button.sizeHint().width())
    assert cut_off_texts(window) == []


def test_a_wrapping_label_that_is_too_low_is_found(qtbot, window):
    label = QLabel("Ein langer Satz, der auf mehrere Zeilen umbrechen muss. " * 4, window)
    label.setWordWrap(True)
    label.setFixedSize(200, 20)
    shown(qtbot, window)
    assert cut_off_texts(window)


def test_tab_going_back_up_or_skipping_a_control_is_found(qtbot, window):
    layout = QVBoxLayout(window)
    top, middle, bottom = QPushButton("Oben"), QPushButton("Mitte"), QPushButton("Unten")
    for button in (top, middle, bottom):
        layout.addWidget(button)
    shown(qtbot, window)
    assert tab_order_problems(window) == []
    QWidget.setTabOrder(top, bottom)
    QWidget.setTabOrder(bottom, middle)
    assert any("goes back" in problem for problem in tab_order_problems(window))


def test_side_by_side_columns_are_read_column_by_column(qtbot, window):
    """A column of buttons is read down before the column beside it."""
    left_box, right_box = QWidget(), QWidget()
    left, right = QVBoxLayout(left_box), QVBoxLayout(right_box)
    a, b, c = QPushButton("A"), QPushButton("B"), QPushButton("C")
    left.addWidget(a)
    left.addWidget(b)
    right.addWidget(c)
    columns = QHBoxLayout(window)
    columns.addWidget(left_box)
    columns.addWidget(right_box)
    shown(qtbot, window)
    assert tab_order_problems(window) == []
    QWidget.setTabOrder(a, c)
    QWidget.setTabOrder(c, b)
    assert tab_order_problems(window) != []


def test_a_control_without_a_name_is_found(qtbot, window):
    layout = QVBoxLayout(window)
    table, field = QTableWidget(2, 2), QLineEdit()
    layout.addWidget(table)
    layout.addWidget(field)
    shown(qtbot, window)
    assert len(unnamed_controls(window)) == 2
    table.setAccessibleName("Lizenznehmer")
    label = QLabel("&Port:")
    label.setBuddy(field)
    layout.addWidget(label)
    assert unnamed_controls(window) == []


def test_text_too_faint_for_the_palette_is_found(qtbot, window):
    window.setPalette(dark_palette())
    layout = QVBoxLayout(window)
    faint, plain = QLabel("Fehler"), QLabel("Gut")
    faint.setStyleSheet("color: #3a3a3a;")
    layout.addWidget(faint)
    layout.addWidget(plain)
    shown(qtbot, window)
    assert plain.palette().color(QPalette.ColorRole.WindowText).lightness() > 128
    assert [finding.split(":")[0] for finding in hard_to_read_texts(window)] == ["'Fehler'"]


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_the_window_icon_is_sharp_at_every_size(qapp, size):
    """The SVG is the window icon: drawn at each size, also on a HiDPI screen (twice the
    pixels), never scaled up from a small picture."""
    from navsync_desktop.gui.app import window_icon

    icon = window_icon()
    assert not icon.isNull()
    pixmap = icon.pixmap(QSize(size, size))
    assert (pixmap.width(), pixmap.height()) == (size, size)
    sharp = icon.pixmap(QSize(size, size), 2.0)
    assert (sharp.width(), sharp.height()) == (2 * size, 2 * size)
    assert (paths.resources_dir() / "icons" / "navsync-desktop.svg").is_file()
