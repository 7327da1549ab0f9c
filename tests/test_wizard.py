"""The setup wizard, clicked through against the demo org like an admin would."""

import logging
import re
from contextlib import contextmanager

import pytest
from conftest import BrowserStandIn, free_port, served_demo_org
from gui_support import WAIT_MS, SyncGate, shoot
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWizard

from navsync_desktop import paths
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.gui.app import close_down
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import format_datetime
from navsync_desktop.gui.wizard.wizard import SetupWizard
from navsync_desktop.gui.worker import running_jobs
from navsync_desktop.store import Store
from navsync_desktop.store import connection as stored
from navsync_desktop.store.connection import ConnectionState


@pytest.fixture
def wizard(qtbot, monkeypatch, english_locale):
    monkeypatch.setenv("BROWSER", "true")  # a browser that opens nothing: the test logs in
    with (
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
    ):
        window = SetupWizard(AppState(store, manager), demo=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
        window.reject()
        close_down(manager, window.app_state.sync)
        QCoreApplication.processEvents()  # the jobs' last signals, while the store is open


# Once connected the initial sync starts at once: the header may already say what it does.
CONNECTED = r"(Connected to Salesforce|Syncing…|Syncing \d+% — .*|Saving .*|Preparing the sync…) · "


def click(qtbot, window, which):
    qtbot.mouseClick(window.button(which), Qt.MouseButton.LeftButton)


def page_text(page) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


def pass_prerequisites(qtbot, window):
    page = window.prerequisites_page
    assert window.currentPage() is page
    qtbot.waitUntil(lambda: bool(page.checks.results), timeout=WAIT_MS)
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled(), (
        "contract and seat are not chosen yet"
    )
    page.contract_box.setCurrentIndex(page.contract_box.findData("advanced_plus"))
    page.seat_box.setCurrentIndex(page.seat_box.findData("admin_team_member"))
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert {r.id: r.status.value for r in page.checks.results} == {
        "keyring": "pass",
        "browser": "pass",
        "contract": "pass",
        "seat": "pass",
    }
    shoot(window, "2-prerequisites")
    click(qtbot, window, QWizard.WizardButton.NextButton)


def connect_through_browser(qtbot, window, browser, **login):
    page = window.connect_page
    assert window.currentPage() is page
    assert "Disconnected" in page.header.text()
    assert not window.button(QWizard.WizardButton.NextButton).isEnabled()
    page.port.setValue(free_port())  # the default 1717 may be taken on a developer's machine
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.link.text().startswith("http://127.0.0.1"), timeout=WAIT_MS)
    assert page.link_box.isVisible() and page.cancel_button.isVisible()
    assert "private window" in page.link_hint.text()
    shoot(window, "3-connect-waiting")
    browser.login_in_background(page.link.text(), **login)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert browser.result().status_code == 200
    assert re.fullmatch(CONNECTED + "Last synced —", page.header.text())
    shoot(window, "3-connect-done")


def reach_readiness(qtbot, window, browser, **login):
    """From the welcome page through the prerequisites and the login to Org readiness."""
    click(qtbot, window, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, window)
    connect_through_browser(qtbot, window, browser, **login)
    click(qtbot, window, QWizard.WizardButton.NextButton)


def test_welcome_page_explains_and_offers_the_demo_org(wizard):
    page = wizard.currentPage()
    assert page.title() == "Set up CRM sync with Salesforce"
    assert "less than 30 minutes" in page.subTitle()
    assert "Connect Sales Navigator to your Salesforce org" in page_text(page)
    assert page.demo_org.isChecked(), "--demo preselects the demo org"
    shoot(wizard, "1-welcome")


def test_full_flow_to_a_ready_org(qtbot, wizard, demo_org, browser):
    reach_readiness(qtbot, wizard, browser)

    page = wizard.readiness_page
    qtbot.waitUntil(lambda: bool(page.checks.results) and page._job is None, timeout=WAIT_MS)
    assert {r.status.value for r in page.checks.results} == {"pass"}
    assert {"edition", "permissions", "package", "integration_user"} <= {
        r.id for r in page.checks.results
    }
    assert not page.acknowledge.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shoot(wizard, "4-readiness")


def test_warnings_must_be_acknowledged(qtbot, wizard, demo_org, browser):
    from navsync_desktop.demo_org.scenarios import PERSONAL_ADMIN_USERNAME

    reach_readiness(qtbot, wizard, browser, username=PERSONAL_ADMIN_USERNAME)

    page = wizard.readiness_page
    qtbot.waitUntil(lambda: bool(page.checks.results) and page._job is None, timeout=WAIT_MS)
    warned = [r for r in page.checks.results if r.status.value == "warn"]
    assert [r.id for r in warned] == ["integration_user"]
    assert "revoked when this person leaves" in str(warned[0].finding)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert page.acknowledge.isVisible() and not next_button.isEnabled()
    qtbot.keyClick(page.acknowledge, Qt.Key.Key_Space)  # by keyboard, as a user may
    assert next_button.isEnabled()
    shoot(wizard, "4-readiness-warning")


def test_cancel_while_waiting_for_the_browser(qtbot, wizard, demo_org, caplog):
    caplog.set_level(logging.INFO, logger="navsync_desktop")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, wizard)
    page = wizard.connect_page
    page.port.setValue(free_port())
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.cancel_button.isVisible() and bool(page.link.text()), timeout=WAIT_MS
    )
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=WAIT_MS)
    assert page.connect_button.isEnabled()
    assert "Disconnected" in page.header.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # the user's own choice is an ordinary outcome in the log: one INFO line, no traceback
    job_lines = [r for r in caplog.records if r.name == "navsync_desktop.gui.worker"]
    assert [(r.levelno, r.exc_info) for r in job_lines] == [(logging.INFO, None)]
    assert "cancelled" in job_lines[0].getMessage()


def test_closing_the_program_during_a_login_ends_it_before_the_store_closes(
    qtbot, demo_org, caplog, monkeypatch
):
    """The window closes while the connect job waits for the browser: the program cancels the
    login and waits for the job, so the job never meets a closed store."""
    monkeypatch.setenv("BROWSER", "true")  # a browser that opens nothing
    caplog.set_level(logging.INFO, logger="navsync_desktop")
    store = Store.open(paths.store_path())
    manager = ConnectionManager(store, demo_org=served_demo_org())
    window = SetupWizard(AppState(store, manager), demo=True)
    qtbot.addWidget(window)
    window.show()
    click(qtbot, window, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, window)
    page = window.connect_page
    page.port.setValue(free_port())
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.link.text()), timeout=WAIT_MS)
    assert running_jobs() == 1

    window.close()
    close_down(manager, window.app_state.sync)  # what the program does once it is closed
    assert running_jobs() == 0
    QCoreApplication.processEvents()
    store.close()

    assert "ended by the user: The connection was cancelled" in caplog.text
    assert "ProgrammingError" not in caplog.text and "closed" not in caplog.text
    with Store.open_readonly(paths.store_path()) as reopened:
        assert stored.load(reopened).state is ConnectionState.DISCONNECTED


def test_another_org_is_replaced_only_after_the_admin_confirms(qtbot, wizard, demo_org, browser):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from navsync_desktop.store import connection as stored
    from navsync_desktop.store import settings
    from navsync_desktop.store.connection import ConnectionRecord

    store = wizard.app_state.store
    stored.save(store, ConnectionRecord(org_id="00D5g000001AbCdEAK", org_name="Contoso"))
    settings.put(store, "kept", True)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, wizard)
    page = wizard.connect_page
    page.port.setValue(free_port())
    questions = []

    def answer_yes():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(50, answer_yes)
            return
        questions.append(dialog.text())
        browser.result()  # the first login finished before the question
        qtbot.waitUntil(lambda: page._job is None, timeout=WAIT_MS)
        dialog.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, answer_yes)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.link.text().startswith("http://"), timeout=WAIT_MS)
    browser.login_in_background(page.link.text())
    qtbot.waitUntil(lambda: bool(questions), timeout=WAIT_MS)
    assert "belongs to Contoso" in questions[0]

    qtbot.waitUntil(lambda: page._job is not None and bool(page.link.text()), timeout=WAIT_MS)
    second_link = page.link.text()
    browser.login_in_background(second_link)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert browser.result().status_code == 200
    assert re.fullmatch(CONNECTED + "Last synced —", page.header.text())
    assert "Northwind" in page.header.org_label.text()
    assert settings.get(store, "kept") is None, "the other org's local data was replaced"


def test_a_second_launch_resumes_where_the_admin_left_off(qtbot, wizard, demo_org, browser):
    reach_readiness(qtbot, wizard, browser)
    assert wizard.currentPage() is wizard.readiness_page
    app_state = wizard.app_state
    wizard.reject()  # the admin closes the window

    # started again, without --demo: the stored demo connection decides
    again = SetupWizard(AppState(app_state.store, app_state.manager), demo=False)
    qtbot.addWidget(again)
    again.show()
    again.resume()
    assert again.currentPage() is again.readiness_page
    assert again.welcome_page.demo_org.isChecked()
    page = again.readiness_page
    qtbot.waitUntil(lambda: bool(page.checks.results) and page._job is None, timeout=WAIT_MS)
    click(qtbot, again, QWizard.WizardButton.BackButton)
    assert again.currentPage() is again.connect_page, "Back still leads to the earlier steps"
    again.reject()


def test_without_a_connection_it_resumes_no_further_than_connect(qtbot, wizard):
    from navsync_desktop.store import settings

    settings.put(wizard.app_state.store, "wizard.page", "readiness")
    again = SetupWizard(wizard.app_state, demo=False)
    qtbot.addWidget(again)
    again.show()
    again.resume()
    assert again.currentPage() is again.connect_page
    again.reject()


def click_in_dialog(qtbot, button_text, checkbox=None):
    """Answers the next modal dialog by clicking the button with ``button_text`` (and ticking
    its check box when ``checkbox``)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.text())
        if checkbox is not None:
            dialog.checkBox().setChecked(checkbox)
        next(b for b in dialog.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, answer)
    return seen


def test_connected_the_page_offers_reconnect_another_user_and_disconnect(
    qtbot, wizard, demo_org, browser
):
    from navsync_desktop.demo_org.scenarios import PERSONAL_ADMIN_USERNAME

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, wizard)
    connect_through_browser(qtbot, wizard, browser, username=PERSONAL_ADMIN_USERNAME)
    page = wizard.connect_page
    assert page.connected_box.isVisible() and not page.connect_button.isVisible()
    assert "as dana.fischer@northwind-demo.example" in page.connected_label.text()
    shoot(wizard, "3-connect-connected")

    # the guide's advice: connect with an integration user instead
    qtbot.mouseClick(page.another_user_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.link.text().startswith("http://"), timeout=WAIT_MS)
    assert "prompt=login" in page.link.text()
    browser.login_in_background(page.link.text())  # the scenario's user: the integration user
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert browser.result().status_code == 200
    assert "as integration@northwind-demo.example" in page.connected_label.text()

    # a new attempt that is cancelled keeps the connection, and says so
    qtbot.mouseClick(page.reconnect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cancel_button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.error_label.isVisible, timeout=WAIT_MS)
    assert "cancelled" in page.error_label.text()
    assert "still connected to Northwind Demo GmbH as integration@" in page.error_label.text()
    assert re.match(CONNECTED, page.header.text())

    questions = click_in_dialog(qtbot, "Disconnect", checkbox=False)
    qtbot.mouseClick(page.disconnect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.notice_label.isVisible, timeout=WAIT_MS)
    assert "Disconnect from Northwind Demo GmbH?" in questions[0]
    assert "Salesforce revoked the access. Local data kept." in page.notice_label.text()
    assert page.header.text().startswith("Disconnected")
    assert page.connect_button.isVisible() and not page.connected_box.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shoot(wizard, "3-connect-disconnected")


def test_a_busy_demo_org_port_is_one_translated_line_and_the_port_can_be_changed(
    qtbot, wizard, monkeypatch
):
    import socket

    from navsync_desktop.demo_org.launcher import DemoOrgLauncher
    from navsync_desktop.engine.demo_org_access import DemoOrgAccess
    from navsync_desktop.store import settings

    manager = wizard.app_state.manager
    launcher = DemoOrgLauncher(
        paths.demo_org_dir, port=lambda: wizard.connect_page.demo_port.value()
    )
    monkeypatch.setattr(manager, "_demo", DemoOrgAccess(launcher))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    pass_prerequisites(qtbot, wizard)
    page = wizard.connect_page
    assert page.demo_box.isVisible()
    with socket.create_server(("127.0.0.1", 0)) as squatter:
        page.demo_port.setValue(squatter.getsockname()[1])
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.error_label.isVisible, timeout=WAIT_MS)
    message = page.error_label.text()
    assert f"another program uses port {page.demo_port.value()} on 127.0.0.1" in message
    assert "Choose another demo org port on the Connect to CRM page." in message
    assert "Errno" not in message and "--" not in message
    kept = settings.get(wizard.app_state.store, "demo.port")
    assert kept == page.demo_port.value(), "the chosen port is kept for the next start"
    launcher.close()


def test_when_the_demo_org_stops_the_next_check_starts_it_again(qtbot, monkeypatch):
    """A `demo-org serve` that is stopped while the program runs: the next check starts the
    demo org here, at the same address, and the connection goes on."""
    from navsync_desktop.demo_org.launcher import DemoOrgLauncher
    from navsync_desktop.demo_org.runtime import DemoOrgServer

    monkeypatch.setenv("BROWSER", "true")
    served = DemoOrgServer(paths.demo_org_dir(), port=0, records=200, announce=True)
    served.start()
    address = served.endpoint.instance_url
    browser = BrowserStandIn(served.endpoint.ca_cert)
    with (
        DemoOrgLauncher(paths.demo_org_dir) as launcher,
        Store.open(paths.store_path()) as store,
    ):
        manager = ConnectionManager(store, demo_org=launcher)
        window = SetupWizard(AppState(store, manager), demo=True)
        qtbot.addWidget(window)
        window.show()
        reach_readiness(qtbot, window, browser)
        page = window.readiness_page
        qtbot.waitUntil(lambda: bool(page.checks.results) and page._job is None, timeout=WAIT_MS)

        served.stop()  # Ctrl+C in the terminal that ran `demo-org serve`
        qtbot.mouseClick(page.rerun_button, Qt.MouseButton.LeftButton)
        assert page.checks.results == [], "no old results while it checks again"
        qtbot.waitUntil(lambda: bool(page.checks.results) and page._job is None, timeout=WAIT_MS)
        assert {r.status.value for r in page.checks.results} == {"pass"}
        assert launcher().instance_url == address
        assert not page.header.problem_label.isVisible()
        window.reject()
        close_down(manager, window.app_state.sync)


# after Org readiness: CRM settings, Finish, and the main window


def org_choices(manager):
    """The org's open stages in their order and Opportunity's currency fields, as any client
    reads them over the REST API."""
    with manager.open_session() as session:
        stages = session.query_all(
            "SELECT ApiName, MasterLabel FROM OpportunityStage "
            "WHERE IsActive = true AND IsClosed = false ORDER BY SortOrder"
        )
        fields = session.describe("Opportunity")["fields"]
    currency = sorted(
        (f for f in fields if f["type"] == "currency"),
        key=lambda f: (f["name"] != "Amount", f["label"]),  # the standard field first
    )
    currency = [f["name"] for f in currency]
    return [s["MasterLabel"] for s in stages], [s["ApiName"] for s in stages], currency


@contextmanager
def released(gate):
    try:
        yield
    finally:
        gate.release()


def steps_shown(window) -> list[str]:
    """The step list as a user reads it: each step's visible text."""
    shown = []
    for row in window.step_list.rows:
        widget = row.button if row.button.isVisibleTo(window) else row.label
        shown.append(widget.text())
    return shown


def test_the_wizard_continues_to_crm_settings_and_hands_over_to_the_main_window(
    qtbot, demo_org, browser, monkeypatch, english_locale
):
    from navsync_desktop.engine import settings_catalog
    from navsync_desktop.gui.app import Windows
    from navsync_desktop.gui.main_window import MainWindow
    from navsync_desktop.gui.wizard.wizard import is_set_up

    monkeypatch.setenv("BROWSER", "true")
    gate = SyncGate(monkeypatch, "Contact")  # holds the initial sync halfway, to look at it
    with (
        released(gate),
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
    ):
        app_state = AppState(store, manager)
        windows = Windows(app_state, demo=True)
        window = windows.show_first()
        qtbot.addWidget(window)
        assert steps_shown(window) == [
            "○  Prerequisites",
            "○  Connect to CRM",
            "○  Org readiness",
            "○  CRM settings",
            "○  Activity write-back",
            "○  Test Write-Back",
            "○  Finish",
        ]
        click(qtbot, window, QWizard.WizardButton.NextButton)
        assert steps_shown(window)[0] == "▶  Prerequisites"
        pass_prerequisites(qtbot, window)
        connect_through_browser(qtbot, window, browser)
        assert gate.reached.wait(30), "the initial sync starts right after the first connection"
        click(qtbot, window, QWizard.WizardButton.NextButton)
        readiness = window.readiness_page
        qtbot.waitUntil(readiness.isComplete, timeout=WAIT_MS)  # what enables Next
        click(qtbot, window, QWizard.WizardButton.NextButton)

        page = window.crm_settings_page
        assert window.currentPage() is page
        assert steps_shown(window) == [
            "✔  Prerequisites",
            "✔  Connect to CRM",
            "✔  Org readiness",
            "▶  CRM settings",
            "○  Activity write-back",
            "○  Test Write-Back",
            "○  Finish",
        ]
        coming = window.step_list.rows[4]
        assert not coming.button.isVisibleTo(window), "a step to come cannot be clicked"
        # the initial sync's progress, on the page and in its header, while the admin goes on
        qtbot.waitUntil(lambda: "Contacts" in page.header.text(), timeout=WAIT_MS)
        assert re.match(r"Syncing \d+% — Contacts \d+ / 200 · ", page.header.text())
        assert page.sync_view.bar.isVisible()
        qtbot.waitUntil(page.form.is_ready, timeout=WAIT_MS)
        labels, api_names, currency = org_choices(manager)
        form = page.form
        assert [form.stage.itemText(i) for i in range(form.stage.count())] == [*labels, "Not Sure"]
        assert [form.stage.itemData(i) for i in range(form.stage.count())][:-1] == api_names
        offered = [form.won_value.itemData(i) for i in range(form.won_value.count())]
        assert offered == [*currency, "not_sure"] and offered[0] == "Amount"
        assert "Not Sure does not affect how it works" in " ".join(
            label.text() for label in page.findChildren(QLabel)
        )
        assert form.yes.isChecked() and "recommended" in form.yes.text()
        shoot(window, "5-crm-settings")
        gate.release()
        qtbot.waitUntil(lambda: not app_state.sync.running, timeout=WAIT_MS)
        assert page.sync_view.outcome_label.text().startswith("The latest sync finished ")

        form.stage.setCurrentIndex(2)
        form.no.click()
        click(qtbot, window, QWizard.WizardButton.NextButton)
        writeback = window.writeback_page
        qtbot.waitUntil(lambda: window.currentPage() is writeback, timeout=WAIT_MS)
        assert steps_shown(window)[3:6] == [
            "✔  CRM settings",
            "▶  Activity write-back",
            "○  Test Write-Back",
        ]
        qtbot.waitUntil(lambda: not writeback.form.is_loading(), timeout=WAIT_MS)
        writeback.form.enable.click()  # write-back on, every item
        qtbot.waitUntil(lambda: not writeback.form.is_saving(), timeout=WAIT_MS)
        click(qtbot, window, QWizard.WizardButton.NextButton)
        trial = window.test_writeback_page
        assert window.currentPage() is trial and steps_shown(window)[5] == "▶  Test Write-Back"
        click(qtbot, window, QWizard.WizardButton.NextButton)  # skipped
        qtbot.waitUntil(lambda: window.currentPage() is window.finish_page, timeout=WAIT_MS)
        kept = settings_catalog.show(store)
        assert kept["writeback.enabled"] is True
        assert kept["crm.pipeline_stage"] == api_names[2]
        assert kept["crm.auto_sync_all_seats"] is False
        assert kept["crm.won_value_field"] == "not_sure"

        finish = window.finish_page
        assert finish.answers.stage.text() == labels[2] or finish.answers.stage.text().startswith(
            labels[2]
        )
        assert finish.answers.won_value.text() == "Not Sure: the standard field Amount is used"
        assert finish.user_label.text() == "integration@northwind-demo.example"
        assert "synced daily" in finish.next_label.text()
        assert finish.writeback.label.text().startswith("On, all data items: InMails")
        assert finish.test_label.text() == "Not run: activities reach your CRM untested."
        assert steps_shown(window)[-1] == "▶  Finish"
        shoot(window, "6-finish")

        click(qtbot, window, QWizard.WizardButton.FinishButton)
        main = windows.main_window
        assert isinstance(main, MainWindow) and main.isVisible() and not window.isVisible()
        main.scheduler.stop()
        qtbot.addWidget(main)
        assert is_set_up(app_state)
        last = app_state.status.last_synced
        assert last is not None
        assert main.header.text().startswith("Connected to Salesforce · Last synced ")
        assert main.header.text().endswith(format_datetime(last))
        main.close()
        close_down(manager, app_state.sync)
        QCoreApplication.processEvents()


def test_a_done_step_in_the_list_leads_back_to_it(qtbot, wizard, demo_org, browser):
    reach_readiness(qtbot, wizard, browser)
    assert wizard.currentPage() is wizard.readiness_page
    done = wizard.step_list.rows[0]
    assert done.button.text() == "✔  Prerequisites"
    qtbot.mouseClick(done.button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.prerequisites_page
    assert steps_shown(wizard)[:3] == ["▶  Prerequisites", "○  Connect to CRM", "○  Org readiness"]
