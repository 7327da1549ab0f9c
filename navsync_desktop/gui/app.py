"""Starting the GUI: the application object, translations, the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from navsync_desktop import __version__, paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import choose_language, describe_error, install_translators, translate
from navsync_desktop.gui.wizard.wizard import SetupWizard
from navsync_desktop.gui.worker import wait_for_jobs
from navsync_desktop.store import Store, StoreCorruptError, StoreError


def create_application(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NavSync Desktop")
    app.setOrganizationName("NavSync")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("navsync-desktop")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "navsync-desktop.svg")))
    install_translators(app, choose_language(lang))
    return app


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


def run_gui(*, demo: bool, lang: str | None, screenshot: Path | None) -> int:
    app = create_application(lang)
    store = open_store_interactively()
    if store is None:
        return 1
    with DemoOrgLauncher(paths.demo_org_dir) as demo_org, store:
        manager = ConnectionManager(store, demo_org=demo_org)
        try:
            app_state = AppState(store, manager)
            window = SetupWizard(app_state, demo=demo)
            window.resize(window.sizeHint())
            window.show()
            if screenshot is not None:
                # after the first layout pass, so the picture shows what a user would see
                QTimer.singleShot(200, lambda: (save_screenshot(window, screenshot), app.quit()))
            return app.exec()
        finally:
            close_down(manager)


def close_down(manager: ConnectionManager) -> None:
    """Before the store and the demo org close: end a login that waits for the browser, then
    wait for every job that may still use them."""
    manager.cancel_connect()
    wait_for_jobs()
    manager.close()
