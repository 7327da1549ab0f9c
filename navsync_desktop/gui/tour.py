"""The tour for trainers: the real wizard and main window, driven against a fresh demo org as an
admin would click through them, one picture per step and an ``index.html`` with a caption each.

The steps are data (``TOUR_STEPS``): how to reach the screen and its caption. The driver walks
the wizard page by page with Next, so every page the wizard has is passed (and shown to
``on_screen``), also one the tour has no picture of yet.
"""

from __future__ import annotations

import html
import logging
import socket
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget, QWizard

from navsync_desktop import paths
from navsync_desktop.demo_org.scripted_browser import ScriptedBrowser
from navsync_desktop.engine.connection_state import utc_now
from navsync_desktop.engine.demo_messages import write_demo_export
from navsync_desktop.engine.linkedin_import import import_messages
from navsync_desktop.gui.app import Windows, close_down
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import translate
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.wizard.wizard import SetupWizard
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import seats as stored_seats

log = logging.getLogger(__name__)

WAIT_S = 120  # a step that takes longer is stuck
WIZARD_SIZE = (1000, 680)  # every picture of a window has the same size
MAIN_WINDOW_SIZE = (1000, 700)
INDEX_FILE = "index.html"


class TourError(RuntimeError):
    """The tour could not reach a step; the message says which and why."""


@dataclass(frozen=True)
class TourStep:
    name: str  # the picture's file name, after its number
    caption: Text
    reach: Callable[[TourDriver], QWidget]  # brings the screen up, returns the window to picture


def wizard_page(page: str) -> Callable[[TourDriver], QWidget]:
    return lambda driver: driver.wizard_at(page)


def main_window(tab: str | None = None) -> Callable[[TourDriver], QWidget]:
    """The main window, with the tab whose attribute is ``tab`` chosen (None: as it opens)."""
    return lambda driver: driver.main_window_at(tab)


TOUR_STEPS = (
    TourStep(
        "welcome",
        QT_TRANSLATE_NOOP("Tour", "Welcome: what the wizard sets up, with the demo org chosen."),
        wizard_page("welcome"),
    ),
    TourStep(
        "prerequisites",
        QT_TRANSLATE_NOOP(
            "Tour",
            "Prerequisites: the Sales Navigator contract and seat, checked on this computer.",
        ),
        wizard_page("prerequisites"),
    ),
    TourStep(
        "connect",
        QT_TRANSLATE_NOOP(
            "Tour",
            "Connect to CRM: logged in to Salesforce in the browser, the connection is made.",
        ),
        wizard_page("connect"),
    ),
    TourStep(
        "readiness",
        QT_TRANSLATE_NOOP("Tour", "Org readiness: the org's edition, permissions and package."),
        wizard_page("readiness"),
    ),
    TourStep(
        "crm_settings",
        QT_TRANSLATE_NOOP("Tour", "CRM settings, while the initial CRM sync runs."),
        wizard_page("crm_settings"),
    ),
    TourStep(
        "writeback",
        QT_TRANSLATE_NOOP(
            "Tour", "Activity write-back: which LinkedIn activities go back to Salesforce."
        ),
        wizard_page("writeback"),
    ),
    TourStep(
        "test_writeback",
        QT_TRANSLATE_NOOP(
            "Tour", "Test Write-Back: a test contact and one activity of each kind, in Salesforce."
        ),
        wizard_page("test_writeback"),
    ),
    TourStep(
        "finish",
        QT_TRANSLATE_NOOP("Tour", "Finish: what was set up, and when the next sync runs."),
        wizard_page("finish"),
    ),
    TourStep(
        "main_window",
        QT_TRANSLATE_NOOP(
            "Tour", "The main window: the status header, Sync now, and when the next sync runs."
        ),
        main_window(),
    ),
    TourStep(
        "seats",
        QT_TRANSLATE_NOOP(
            "Tour", "Seats: the demo org's sales reps, their Salesforce user and saved lists."
        ),
        main_window("seats_tab"),
    ),
    TourStep(
        "activities",
        QT_TRANSLATE_NOOP(
            "Tour",
            "Activities: a seat holder's LinkedIn messages, imported and copied to the CRM.",
        ),
        main_window("activities_tab"),
    ),
    TourStep(
        "unresolved",
        QT_TRANSLATE_NOOP(
            "Tour", "Unresolved activities: people the CRM has no record of, to map by hand."
        ),
        main_window("unresolved_tab"),
    ),
    TourStep(
        "sync_history",
        QT_TRANSLATE_NOOP("Tour", "Sync history: every sync with its counts and API usage."),
        main_window("history_tab"),
    ),
)

TOUR_TITLE = QT_TRANSLATE_NOOP("Tour", "NavSync Desktop: a tour of the setup and the main window")

# screen name, window: called for every wizard page passed and every step's window
OnScreen = Callable[[str, QWidget], None]


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = WAIT_S) -> None:
    """Runs the event loop until ``condition()`` holds; TourError naming ``what`` when it does
    not within ``timeout_s``."""
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not condition():
        if deadline.hasExpired():
            raise TourError(f"the tour got stuck waiting for {what}")
        _run_events_for(20)  # jobs report, pages update


def _run_events_for(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NoBrowser(webbrowser.BaseBrowser):
    """The tour's browser is the scripted one: no window opens on the trainer's screen.
    (Registered for the rest of the process: `tour` is a command of its own.)"""

    def open(self, url, new=0, autoraise=True) -> bool:
        return True


class TourDriver:
    """Clicks through the wizard and the main window like an admin, logging in with the
    scripted browser."""

    def __init__(
        self, app_state: AppState, browser: ScriptedBrowser, on_screen: OnScreen | None = None
    ) -> None:
        self.app_state = app_state
        self.browser = browser
        self.on_screen = on_screen or (lambda _name, _window: None)
        self.windows = Windows(app_state, demo=True)
        self.wizard: SetupWizard | None = None
        self._prepared: set[str] = set()
        self._tabs_prepared: set[str] = set()

    # the wizard

    def wizard_at(self, name: str) -> SetupWizard:
        if self.wizard is None:
            wizard = self.windows.show_first()
            if not isinstance(wizard, SetupWizard):
                raise TourError("the tour needs a fresh store, but the wizard was finished")
            wizard.resize(*WIZARD_SIZE)
            self.wizard = wizard
        wizard = self.wizard
        names = [wizard.page(page_id).objectName() for page_id in wizard.pageIds()]
        if name not in names:
            raise TourError(f"the wizard has no page {name!r} (it has {', '.join(names)})")
        while True:
            page = wizard.currentPage()
            self._prepare(page.objectName())
            if page.objectName() == name:
                return wizard
            self._next(page)

    def _next(self, page) -> None:
        wait_until(page.isComplete, f"the page {page.objectName()!r} to be complete")
        wizard = self.wizard
        wizard.button(QWizard.WizardButton.NextButton).click()
        wait_until(lambda: wizard.currentPage() is not page, f"leaving {page.objectName()!r}")

    def _prepare(self, name: str) -> None:
        """Does on the page what the admin does there, once; then shows it to ``on_screen``."""
        if name in self._prepared:
            return
        page = self.wizard.currentPage()
        prepare = getattr(self, f"_prepare_{name}", None)
        if prepare is not None:
            prepare(page)
        self._prepared.add(name)
        self.on_screen(name, self.wizard)

    def _prepare_prerequisites(self, page) -> None:
        page.contract_box.setCurrentIndex(page.contract_box.findData("advanced_plus"))
        page.seat_box.setCurrentIndex(page.seat_box.findData("admin_team_member"))
        wait_until(lambda: bool(page.checks.results) and page.isComplete(), "the prerequisites")

    def _prepare_connect(self, page) -> None:
        page.port.setValue(free_loopback_port())  # the default may be taken on this machine
        page.connect_button.click()
        wait_until(lambda: page.link.text().startswith("http"), "the login link")
        self.browser.login_in_background(page.link.text())
        wait_until(page.isComplete, "the Salesforce login")
        self.browser.result()

    def _prepare_readiness(self, page) -> None:
        wait_until(lambda: bool(page.checks.results) and page._job is None, "the readiness checks")
        if page.acknowledge.isVisible():
            page.acknowledge.setChecked(True)

    def _prepare_crm_settings(self, page) -> None:
        wait_until(page.form.is_ready, "the CRM settings form")
        # the picture shows the finished initial sync (no moving progress bar)
        wait_until(lambda: not self.app_state.sync.running, "the initial CRM sync")

    def _prepare_writeback(self, page) -> None:
        form = page.form
        wait_until(lambda: not form.is_loading(), "the write-back settings")
        if form.enable.isEnabled() and not form.enable.isChecked():
            form.enable.setChecked(True)
        wait_until(lambda: not form.is_saving(), "saving the write-back settings")

    def _prepare_test_writeback(self, page) -> None:
        if page.run_button.isVisible() and page.run_button.isEnabled():
            page.run_button.click()
        wait_until(page.isComplete, "the Test Write-Back")

    # the main window

    def main_window_at(self, tab: str | None) -> MainWindow:
        window = self.windows.main_window
        if window is None:
            wizard = self.wizard_at("finish")
            wizard.button(QWizard.WizardButton.FinishButton).click()
            window = self.windows.main_window
            if window is None:
                raise TourError("Finish did not open the main window")
            window.resize(*MAIN_WINDOW_SIZE)
            wait_until(window.isVisible, "the main window")
        if tab is not None:
            widget = getattr(window, tab, None)
            if widget is None or window.tabs.indexOf(widget) < 0:
                raise TourError(f"the main window has no tab {tab!r}")
            prepare = getattr(self, f"_prepare_{tab}", None)
            if prepare is not None and tab not in self._tabs_prepared:
                prepare(window, widget)
            self._tabs_prepared.add(tab)
            window.tabs.setCurrentWidget(widget)
        QCoreApplication.processEvents()
        return window

    def _prepare_seats_tab(self, _window: MainWindow, tab) -> None:
        tab.demo_button.click()
        wait_until(lambda: tab.table.rowCount() > 0, "the demo org's sales reps")

    def _prepare_activities_tab(self, _window: MainWindow, tab) -> None:
        """The first seat holder's LinkedIn export imported (what the File menu's import does);
        with write-back on, what matched goes out at once."""
        store, writeback = self.app_state.store, self.app_state.writeback
        seat = stored_seats.all_seats(store)[0]  # the Seats step added the demo's sales reps
        export = write_demo_export(
            store, seat.email, paths.data_dir() / "tour-messages.csv", now=utc_now()
        )
        import_messages(store, export, seat.email)
        wait_until(lambda: not writeback.running, "the running write-back")
        if writeback.start_if_possible():
            wait_until(lambda: not writeback.running, "the write-back")
        tab.refresh_seats()
        wait_until(lambda: not tab.loader.loading, "the activities")

    def _prepare_unresolved_tab(self, _window: MainWindow, tab) -> None:
        tab.refresh()
        wait_until(lambda: not tab.loader.loading, "the unresolved activities")

    def _prepare_history_tab(self, window: MainWindow, tab) -> None:
        """A sync of the seats just added, so the history shows more than the initial one."""
        runs = []
        self.app_state.sync.finished.connect(runs.append)
        wait_until(lambda: not self.app_state.sync.running, "the running sync")
        window.sync_button.click()
        wait_until(lambda: bool(runs), "Sync now")
        newest = tab.tree.topLevelItem(0)
        if newest is not None:
            newest.setExpanded(True)  # the picture shows a run's objects too

    def close(self) -> None:
        """Closes the windows (the main window stops its scheduler) and deletes them, so nothing
        of theirs runs once the store is closed."""
        for window in (self.wizard, self.windows.main_window):
            if window is not None:
                window.close()
                window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@dataclass(frozen=True)
class Picture:
    step: TourStep
    file: Path
    caption: str


def run_tour(
    out: Path,
    app_state: AppState,
    browser: ScriptedBrowser,
    *,
    language: str,
    on_screen: OnScreen | None = None,
) -> list[Picture]:
    """Drives the steps on a fresh, connected-to-nothing ``app_state``; writes the pictures and
    the index to ``out``. The caller owns the application, the store and the demo org."""
    out.mkdir(parents=True, exist_ok=True)
    webbrowser.register("navsync-tour", None, _NoBrowser(), preferred=True)
    driver = TourDriver(app_state, browser, on_screen)
    pictures = []
    try:
        for number, step in enumerate(TOUR_STEPS, 1):
            window = step.reach(driver)
            QCoreApplication.processEvents()
            target = out / f"{number:02d}-{step.name}.png"
            if not window.grab().save(str(target)):
                raise OSError(f"could not write {target}")
            log.info("tour: %s", target.name)
            pictures.append(Picture(step, target, translate(step.caption)))
            driver.on_screen(step.name, window)
    finally:
        driver.close()
        close_down(app_state.manager, app_state.sync)
        QCoreApplication.processEvents()
    write_index(out, pictures, language)
    return pictures


def write_index(out: Path, pictures: list[Picture], language: str) -> Path:
    """The pictures in order, one caption line each, in the tour's language."""
    title = html.escape(translate(TOUR_TITLE))
    figures = "\n".join(
        f'<li><figure><img src="{html.escape(p.file.name)}" alt="{html.escape(p.caption)}">'
        f"<figcaption>{html.escape(p.caption)}</figcaption></figure></li>"
        for p in pictures
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>body{{font-family:sans-serif;max-width:1040px;"
        f"margin:auto;padding:1em}}img{{max-width:100%;border:1px solid #888}}"
        f"figure{{margin:0 0 2em}}figcaption{{margin-top:.4em}}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<ol>\n{figures}\n</ol>\n</body>\n</html>\n"
    )
    target = out / INDEX_FILE
    target.write_text(page, encoding="utf-8")
    return target
