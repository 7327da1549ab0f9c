"""Starting the GUI: the application object, translations, the first window (the wizard
until the admin finished it, then the main window), and closing down."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from navsync_desktop import __version__, paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.background_run import BackgroundRun
from navsync_desktop.gui.i18n import choose_language, describe_error, install_translators, translate
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.wizard.wizard import SetupWizard, is_set_up
from navsync_desktop.gui.worker import wait_for_jobs
from navsync_desktop.store import Store, StoreCorruptError, StoreError, sync_runs


def create_application(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NavSync Desktop")
    app.setOrganizationName("NavSync")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("navsync-desktop")
    app.setWindowIcon(window_icon())
    install_translators(app, choose_language(lang))
    return app


def window_icon() -> QIcon:
    """The program's SVG, drawn at whatever size and pixel ratio a window or panel asks for."""
    return QIcon(str(paths.resources_dir() / "icons" / "navsync-desktop.svg"))


def probe_platform() -> int:
    """What ``doctor`` runs in a child process: can Qt's platform plugin start here?"""
    app = QApplication(sys.argv[:1])
    print(app.platformName())
    return 0


def open_store_interactively() -> Store | None:
    """Opens the store, explaining any problem in a dialog instead of a traceback."""
    try:
        return Store.open(paths.store_path())
    except StoreCorruptError as error:
        QMessageBox.warning(None, "NavSync Desktop", translate(error.text))
        return Store.open(paths.store_path())
    except StoreError as error:
        QMessageBox.critical(None, "NavSync Desktop", translate(error.text))
        return None


def show_startup_error(error: BaseException, *, lang: str | None) -> None:
    """Says in a dialog why the program cannot start (the terminal may not be seen)."""
    create_application(lang)
    QMessageBox.critical(None, "NavSync Desktop", describe_error(error))


def save_screenshot(window: QWidget, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise OSError(f"could not write {target}")


class Windows(QObject):
    """The wizard until the admin finished it, then the main window; the main window opens
    the wizard again from its menu."""

    def __init__(self, app_state: AppState, *, demo: bool) -> None:
        super().__init__(app_state)
        self.app_state = app_state
        self.demo = demo
        self.wizard: SetupWizard | None = None
        self.main_window: MainWindow | None = None

    def show_first(self) -> QWidget:
        if is_set_up(self.app_state):
            return self.show_main_window()
        return self.open_wizard()

    def open_wizard(self, at: str | None = None) -> SetupWizard:
        """At the step ``at``, or where the admin left off (once set up: at the start)."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        if self.wizard is not None:  # finished or closed earlier: a new one shows today's state
            self.wizard.deleteLater()
        wizard = SetupWizard(self.app_state, demo=self.demo, parent=self.main_window)
        wizard.set_up.connect(self.show_main_window)
        wizard.resize(wizard.sizeHint())
        wizard.show()
        if at is None:
            wizard.resume()
        else:
            wizard.go_forward_to(at)
        self.wizard = wizard
        return wizard

    def show_main_window(self) -> MainWindow:
        if self.main_window is None:
            self.main_window = MainWindow(self.app_state, self.open_wizard)
            self.main_window.resize(self.main_window.sizeHint())
        self.main_window.show()
        self.main_window.raise_()
        return self.main_window


def run_gui(*, demo: bool, lang: str | None, screenshot: Path | None) -> int:
    app = create_application(lang)
    store = open_store_interactively()
    if store is None:
        return 1
    with DemoOrgLauncher(paths.demo_org_dir) as demo_org, store:
        manager = ConnectionManager(store, demo_org=demo_org)
        app_state = None
        try:
            sync_runs.mark_interrupted(store)  # a sync of a program that was killed is over
            app_state = AppState(store, manager)
            window = Windows(app_state, demo=demo).show_first()
            if screenshot is not None:
                # after the first layout pass, so the picture shows what a user would see
                QTimer.singleShot(200, lambda: (save_screenshot(window, screenshot), app.quit()))
            return app.exec()
        finally:
            runs = (app_state.sync, app_state.writeback) if app_state else ()
            close_down(manager, *runs)


def close_down(manager: ConnectionManager, *runs: BackgroundRun) -> None:
    """Before the store and the demo org close: end a login that waits for the browser and
    cancel a running sync (it keeps nothing half-done) or write-back (it stops after the batch
    in flight, whose result it records), then wait for every job that may still use them."""
    manager.cancel_connect()
    for run in runs:
        run.close()
    wait_for_jobs()
    manager.close()
