"""Help > Create support bundle… and Help > Reset demo… in the main window, against the demo org
over HTTPS with a real store and file keyring; the bundle and the reset run as jobs."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import pytest
from conftest import BrowserStandIn, connect_demo, free_port
from gui_support import WAIT_MS, finish_jobs, shoot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from navsync_desktop import credentials, paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.store import connection as stored_connection
from navsync_desktop.store.connection import ConnectionState


@pytest.fixture
def app_state(store, english_locale):
    """Connected to the demo org that this program runs itself (as `--demo` does)."""
    with DemoOrgServer(paths.demo_org_dir(), port=0, records=200):
        pass  # seeded small; the launcher serves it
    port = free_port()
    with (
        DemoOrgLauncher(paths.demo_org_dir, port=lambda: port) as launcher,
        ConnectionManager(store, demo_org=launcher) as manager,
    ):
        connect_demo(manager, BrowserStandIn(launcher().ca_cert))
        state = AppState(store, manager)
        yield state
        finish_jobs(state)


@pytest.fixture
def window(qtbot, app_state):
    window = MainWindow(app_state, lambda _step: None)
    window.scheduler.stop()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def help_items(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return [action.text() for action in menu.actions() if action.isVisible() and action.text()]


def test_support_bundle_from_the_help_menu(qtbot, window, tmp_path, monkeypatch):
    assert "Create &support bundle…" in help_items(window)
    window.support.bundle_action.trigger()
    dialog = window.support.bundle_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.personal_data.isChecked()  # masked unless the admin says otherwise

    # Stands in for the user's choice in the native save dialog (it cannot be driven
    # headless); the bundle behind it is real.
    monkeypatch.setattr(
        "navsync_desktop.gui.support_menu.QFileDialog.getSaveFileName",
        lambda *_args: (str(tmp_path / "for-support"), ""),
    )
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path.text() == str(tmp_path / "for-support.zip")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=WAIT_MS)
    QApplication.processEvents()  # the layout grows the dialog for the outcome line
    assert dialog.height() >= dialog.layout().heightForWidth(dialog.width())  # nothing cut off
    shoot(dialog, "support-bundle")

    assert dialog.message.text() == (
        f"Support bundle written to {tmp_path / 'for-support.zip'} (personal data masked)."
    )
    assert not dialog.message.is_error() and dialog.progress.maximum() == 4
    with zipfile.ZipFile(tmp_path / "for-support.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        org = json.loads(archive.read("org.json"))
    assert manifest["personal_data_masked"] is True and org["source"] == "checked_now"

    dialog.personal_data.setChecked(True)
    dialog.path.setText(str(tmp_path / "no-such-folder" / "bundle.zip"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.is_error, timeout=WAIT_MS)
    assert dialog.message.text() == f"The folder {tmp_path / 'no-such-folder'} does not exist."


def test_reset_demo_asks_first_then_resets(qtbot, window, app_state):
    assert "&Reset demo…" in help_items(window)
    org_id = app_state.manager.record().org_id

    box = window.support.confirm_reset()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert app_state.manager.state is ConnectionState.CONNECTED  # nothing happened
    assert credentials.load(org_id) is not None

    box = window.support.confirm_reset()
    shoot(box, "reset-demo-confirmation")
    reset = next(b for b in box.buttons() if b.text() == "&Reset demo")
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.support.outcome is not None, timeout=WAIT_MS)

    assert window.support.outcome.text().startswith("The demo is reset: the demo org is seeded")
    assert app_state.manager.state is ConnectionState.DISCONNECTED
    assert credentials.load(org_id) is None
    qtbot.waitUntil(lambda: "&Reset demo…" not in help_items(window), timeout=WAIT_MS)


def test_reset_demo_is_offered_only_for_the_demo_org(qtbot, window, app_state, store):
    stored_connection.save(store, replace(stored_connection.load(store), is_demo=False))
    app_state.refresh()
    assert "&Reset demo…" not in help_items(window)
    assert "Create &support bundle…" in help_items(window)


def test_menu_and_dialog_in_german(qtbot, german, app_state):
    window = MainWindow(app_state, lambda _step: None)
    window.scheduler.stop()
    qtbot.addWidget(window)
    window.support.bundle_action.trigger()
    dialog = window.support.bundle_dialog
    assert window.support.bundle_action.text() == "&Supportpaket erstellen…"
    assert window.support.reset_action.text() == "Demo &zurücksetzen…"
    assert dialog.windowTitle() == "Supportpaket erstellen"
    assert "Personenbezogene Daten" in dialog.personal_data.text()
    shoot(dialog, "support-bundle-de")
    box = window.support.confirm_reset()
    assert box.text().startswith("Die Demo auf den Ausgangszustand zurücksetzen?")
    shoot(box, "reset-demo-confirmation-de")
    box.reject()
