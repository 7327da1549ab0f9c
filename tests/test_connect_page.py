"""The Connect page for a real org: it says what to enter in Salesforce, and catches a missing
Client ID before anything starts."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from navsync_desktop import paths
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.wizard.wizard import SetupWizard
from navsync_desktop.store import Store


@pytest.fixture
def connect_page(qtbot):
    with Store.open(paths.store_path()) as store, ConnectionManager(store) as manager:
        wizard = SetupWizard(AppState(store, manager), demo=False)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.setStartId(wizard.pageIds()[2])  # straight to Connect to CRM
        wizard.restart()
        yield wizard.connect_page
        wizard.reject()


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_it_shows_the_callback_url_for_the_chosen_port_and_the_scopes(qtbot, connect_page):
    help_box = connect_page.client_app_help
    assert help_box.isVisible()
    assert help_box.callback_url.text() == "http://localhost:1717/OauthRedirect"
    connect_page.port.setValue(8777)
    assert help_box.callback_url.text() == "http://localhost:8777/OauthRedirect"
    text = visible_text(help_box)
    for scope in ("(api)", "(refresh_token, offline_access)", "(id, profile, email"):
        assert scope in text
    assert "PKCE" in text


def test_an_empty_client_id_is_caught_in_the_gui_s_own_words(qtbot, connect_page):
    qtbot.mouseClick(connect_page.connect_button, Qt.MouseButton.LeftButton)
    assert connect_page.error_label.isVisible()
    message = connect_page.error_label.text()
    assert "Consumer Key" in message and "Client ID" in message
    assert "--" not in message, "no command-line flags in the GUI"
    assert connect_page._job is None, "nothing was started"
    assert connect_page.client_id.hasFocus()
