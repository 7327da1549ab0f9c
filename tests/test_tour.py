"""The tour for trainers, and through it every wizard page and every main-window tab in English
and German, live against a fresh demo org: the pictures, the texts a German user reads, text
that does not fit, the Tab order, the default button, and names for screen readers.

The tour runs once per language (module fixture) and hands every screen to ``ScreenChecks``
while it is up: each wizard page the wizard has (the driver passes them all with Next), each
tab of the main window (iterated from the tab widget) and the dialogs its "…" buttons open,
so pages, tabs and dialogs added later are checked as soon as they exist.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GERMAN_TS
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QPushButton,
    QWizard,
)
from screen_checks import (
    Catalogue,
    cut_off_texts,
    dark_palette,
    default_button,
    english_leftovers,
    hard_to_read_texts,
    tab_order_problems,
    unnamed_controls,
    visible_texts,
)

from navsync_desktop.cli_tour import make_tour
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.tour import TOUR_STEPS
from navsync_desktop.store import crm_records

RECORDS = 200  # a small demo org: the tour's pictures need no more


def _reject_file_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QFileDialog):
        dialog.reject()


def _open_dialogs() -> set:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


class ScreenChecks:
    """What each screen showed, checked while it was up, by screen name (wizard pages by their
    name, main-window tabs as ``main/<tab class>``)."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {}
        self.cut_off: dict[str, list[str]] = {}
        self.tab_order: dict[str, list[str]] = {}
        self.unnamed: dict[str, list[str]] = {}
        self.hard_to_read: dict[str, list[str]] = {}
        self.default_buttons: dict[str, str | None] = {}  # wizard page: Next, Finish or another
        self.data_words: set[str] = set()

    def __call__(self, name: str, window) -> None:
        self._learn_data(window.app_state.store)
        if isinstance(window, MainWindow):
            current = window.tabs.currentIndex()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                QCoreApplication.processEvents()
                screen = f"main/{type(window.tabs.widget(index)).__name__}"
                self._check(screen, window)
                self._check_dialogs(screen, window.tabs.widget(index))
            window.tabs.setCurrentIndex(current)
        else:
            button = default_button(window)  # before Tab moves the focus to other buttons
            roles = {
                window.button(QWizard.WizardButton.NextButton): "Next",
                window.button(QWizard.WizardButton.FinishButton): "Finish",
            }
            self.default_buttons[name] = roles.get(button, button and button.text())
            self._check(name, window)

    def _check(self, screen: str, window) -> None:
        self.texts[screen] = visible_texts(window)
        self.cut_off[screen] = cut_off_texts(window)
        self.unnamed[screen] = unnamed_controls(window)
        self.hard_to_read[screen] = hard_to_read_texts(window)
        self.tab_order[screen] = tab_order_problems(window)

    def _check_dialogs(self, screen: str, tab) -> None:
        """The dialogs a tab's "…" buttons open (a row chosen first where a button needs one),
        each checked like a screen and closed again. File dialogs are Qt's own."""
        for view in tab.findChildren(QAbstractItemView):
            if view.isVisible() and view.model() is not None and view.model().rowCount() > 0:
                view.setCurrentIndex(view.model().index(0, 0))
        for button in tab.findChildren(QPushButton):
            if not (button.isVisible() and button.isEnabled() and button.text().endswith("…")):
                continue
            before = _open_dialogs()
            # a file dialog runs its own event loop until closed: closed by a timer inside it
            QTimer.singleShot(300, _reject_file_dialog)
            button.click()
            QCoreApplication.processEvents()
            for dialog in _open_dialogs() - before:
                if isinstance(dialog, QFileDialog):
                    dialog.reject()
                    continue
                self._check(f"{screen}/{type(dialog).__name__}", dialog)
                dialog.reject()
                QCoreApplication.processEvents()

    def _learn_data(self, store) -> None:
        """The org's own values (names, labels of its picklists, the org's and users' names),
        as synced into the local store: data, shown as the org holds them."""
        words = set()
        for table in crm_records.TABLES.values():
            for row in store.connection.execute(f'SELECT * FROM "{table}"'):  # noqa: S608
                words.update(str(value) for value in row if isinstance(value, str))
        self.data_words |= {w.lower() for w in re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", " ".join(words))}


@pytest.fixture(scope="module", params=["en", "de", "en-dark"])
def tour(request, qapp, tmp_path_factory):
    """The tour in English, in German, and in English on a dark desktop theme."""
    language, _, theme = request.param.partition("-")
    out = tmp_path_factory.mktemp(f"tour-{request.param}")
    checks = ScreenChecks()
    light = qapp.palette()
    if theme == "dark":
        qapp.setPalette(dark_palette())
    try:
        pictures = make_tour(out, language, records=RECORDS, on_screen=checks)
    finally:
        qapp.setPalette(light)
    return language, out, pictures, checks


def test_the_tour_writes_a_distinct_picture_per_step_and_an_index(tour):
    language, out, pictures, _checks = tour
    assert [p.step.name for p in pictures] == [step.name for step in TOUR_STEPS]
    digests = set()
    for number, picture in enumerate(pictures, 1):
        assert picture.file.name == f"{number:02d}-{picture.step.name}.png"
        image = QImage(str(picture.file))
        assert (image.width(), image.height()) in {(1000, 680), (1000, 700)}, picture.file
        assert len({image.pixel(x, y) for x in range(0, 1000, 25) for y in range(0, 680, 25)}) > 5
        digests.add(hashlib.sha256(picture.file.read_bytes()).hexdigest())
    assert len(digests) == len(pictures), "every picture shows something else"

    index = _Index()
    index.feed((out / "index.html").read_text(encoding="utf-8"))
    assert index.language == language
    assert index.images == [p.file.name for p in pictures]
    assert index.captions == [p.caption for p in pictures]
    assert len(set(index.captions)) == len(pictures) and all(index.captions)


class _Index(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.language, self.images, self.captions = None, [], []
        self._in_caption = False

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.language = attributes.get("lang")
        elif tag == "img":
            self.images.append(attributes["src"])
        self._in_caption = tag == "figcaption"

    def handle_data(self, data) -> None:
        if self._in_caption:
            self.captions.append(data)
            self._in_caption = False


def test_every_wizard_page_and_main_window_tab_was_shown(tour):
    _language, _out, _pictures, checks = tour
    from navsync_desktop.gui.wizard.wizard import STEPS

    pages = {"welcome", *(step.name for step in STEPS if step.page is not None)}
    assert pages <= set(checks.texts), "the tour passes every page of the wizard"
    assert {"main/SeatsTab", "main/CrmSettingsTab", "main/HistoryTab"} <= set(checks.texts)
    assert {  # and the dialogs of their "…" buttons
        "main/SeatsTab/AddSeatDialog",
        "main/SeatsTab/SavedListsDialog",
        "main/CrmSettingsTab/CrmSettingsDialog",
    } <= set(checks.texts)


def test_german_screens_show_no_english_ui_text(tour):
    language, _out, pictures, checks = tour
    if language != "de":
        pytest.skip("a German check")
    catalogue = Catalogue.load(GERMAN_TS)
    found = {
        screen: english_leftovers(texts, catalogue, checks.data_words)
        for screen, texts in checks.texts.items()
    }
    assert {screen: problems for screen, problems in found.items() if problems} == {}
    captions = [p.caption for p in pictures]
    assert english_leftovers(captions, catalogue, set()) == []


def test_german_dates_and_numbers_are_written_the_german_way(tour):
    language, _out, _pictures, checks = tour
    history = " | ".join(checks.texts["main/HistoryTab"])
    if language == "de":
        assert re.search(r"\b\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\b", history), history
        assert re.search(r"\b\d{1,3}(\.\d{3})+\b", history), "thousands with a dot: " + history
        assert not re.search(r"\b\d{1,3}(,\d{3})+\b", history)
    else:
        assert re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", history), history
        assert re.search(r"\b\d{1,3}(,\d{3})+\b", history), history


def test_no_text_is_cut_off(tour):
    _language, _out, _pictures, checks = tour
    assert {screen: cut for screen, cut in checks.cut_off.items() if cut} == {}


def test_tab_reaches_every_control_in_reading_order(tour):
    _language, _out, _pictures, checks = tour
    assert {screen: p for screen, p in checks.tab_order.items() if p} == {}


def test_every_wizard_page_has_next_or_finish_as_its_default_button(tour):
    _language, _out, _pictures, checks = tour
    wanted = {page: "Finish" if page == "finish" else "Next" for page in checks.default_buttons}
    assert checks.default_buttons == wanted


def test_every_control_without_text_has_an_accessible_name(tour):
    _language, _out, _pictures, checks = tour
    assert {screen: u for screen, u in checks.unnamed.items() if u} == {}


def test_texts_are_readable_in_light_and_dark_palettes(tour):
    _language, _out, _pictures, checks = tour
    assert {screen: h for screen, h in checks.hard_to_read.items() if h} == {}


def test_colours_come_from_one_place_that_follows_the_palette():
    """Colour values in the GUI's code only in gui/colours.py, which picks them for the
    palette in use; elsewhere palette roles."""
    import navsync_desktop.gui as gui

    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\d|Qt\.GlobalColor\.")
    found = [
        f"{path.name}: {line.strip()}"
        for path in Path(gui.__file__).parent.rglob("*.py")
        if path.name != "colours.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if hex_colour.search(line)
    ]
    assert found == []


def test_tour_command_writes_the_pictures(tmp_path):
    """The command as a trainer runs it (a fresh demo org of the scenario's default size)."""
    out = tmp_path / "tour"
    finished = subprocess.run(
        [sys.executable, "-m", "navsync_desktop", "--lang", "de", "tour", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr
    assert f"{len(TOUR_STEPS)} pictures and index.html in {out}" in finished.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{n:02d}-{s.name}.png" for n, s in enumerate(TOUR_STEPS, 1)] + ["index.html"]
    )
    assert 'lang="de"' in (out / "index.html").read_text(encoding="utf-8")


def test_tour_into_a_file_is_one_line(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    finished = subprocess.run(
        [sys.executable, "-m", "navsync_desktop", "tour", "--out", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1
    assert finished.stderr.count("\n") == 1 and "cannot write the tour to" in finished.stderr


def test_the_wizard_goes_on_when_enter_is_pressed(qtbot, store, demo_org, english_locale):
    """Enter presses the default button (Next) on the welcome page."""
    from conftest import served_demo_org
    from PySide6.QtCore import Qt

    from navsync_desktop.engine.connection import ConnectionManager
    from navsync_desktop.gui.app import close_down
    from navsync_desktop.gui.app_state import AppState
    from navsync_desktop.gui.wizard.wizard import SetupWizard

    with ConnectionManager(store, demo_org=served_demo_org()) as manager:
        wizard = SetupWizard(AppState(store, manager), demo=True)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
        assert wizard.currentPage() is wizard.prerequisites_page
        assert wizard.button(QWizard.WizardButton.NextButton).isDefault()
        wizard.reject()
        close_down(manager, wizard.app_state.sync)
