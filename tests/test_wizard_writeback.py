"""The wizard's "Activity write-back" and "Test Write-Back" pages and the Finish summary, and
the same write-back settings on the main window's CRM settings tab: against the demo org over
HTTPS (scenarios demo, view-only-admin, email-validation-rule), clicked like an admin would."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
import requests
from gui_support import WAIT_MS, finish_jobs, shoot
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QMenuBar,
    QStyle,
    QTabBar,
    QWizard,
)
from sync_support import connected, demo_org_server, org_client
from writeback_support import org_records

from navsync_desktop.engine import settings_catalog, writeback_settings
from navsync_desktop.engine.writeback_trial import TEST_LAST_NAME, TEST_RECORDS
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.widgets.writeback_settings_form import WritebackSettingsForm
from navsync_desktop.gui.wizard import test_writeback
from navsync_desktop.gui.wizard.wizard import SetupWizard
from navsync_desktop.store import settings

NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton


@contextmanager
def wizard_at(qtbot, store, scenario, page_name):
    """The wizard, connected to a demo org of ``scenario``, opened at the page ``page_name``
    (the steps before it are the wizard tests' business)."""
    with demo_org_server(scenario) as server, connected(store, server) as manager:
        app_state = AppState(store, manager)
        window = SetupWizard(app_state, demo=True)
        qtbot.addWidget(window)
        names = {window.page(page_id).objectName(): page_id for page_id in window.pageIds()}
        window.setStartId(names[page_name])
        window.resize(window.sizeHint())  # as the program shows it
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # keyboard focus, as on a desktop
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
        try:
            yield window, server
        finally:
            window.reject()
            finish_jobs(app_state)


def click(qtbot, widget):
    """A click where a user clicks: a check box on its box (its row may be wider than its
    text, and Qt takes a click beside the text for none)."""
    if isinstance(widget, QCheckBox):
        pos = QPoint(
            widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2 + 1,
            widget.height() // 2,
        )
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def loaded(qtbot, form):
    qtbot.waitUntil(lambda: not form.is_loading(), timeout=WAIT_MS)


def saved(qtbot, form):
    qtbot.waitUntil(lambda: not form.is_saving(), timeout=WAIT_MS)


def mnemonics(window) -> list[str]:
    """The Alt+letter keys of what the window shows: its buttons, labelled fields, tabs and
    menus (a letter used twice makes Alt+letter cycle instead of act)."""
    texts = [
        widget.text()
        for widget in window.findChildren(QAbstractButton)
        if widget.isVisibleTo(window)
    ]
    texts += [
        label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(window)
    ]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(index) for index in range(bar.count())]
    for bar in window.findChildren(QMenuBar):
        texts += [action.text() for action in bar.actions()]
    keys = [re.search(r"&([^&])", text) for text in texts]
    return [key.group(1).lower() for key in keys if key]


def assert_no_mnemonic_twice(window) -> None:
    keys = mnemonics(window)
    assert sorted(keys) == sorted(set(keys)), f"an Alt key used twice: {sorted(keys)}"


@pytest.fixture
def opened_urls(monkeypatch):
    """What View in CRM hands to the desktop (no browser runs in a test)."""
    urls = []

    def open_url(url):
        urls.append(url.toString())
        return True

    monkeypatch.setattr(test_writeback.QDesktopServices, "openUrl", open_url)
    return urls


def test_write_back_choices_are_kept_at_once_and_the_engine_sees_them(qtbot, store, english_locale):
    with wizard_at(qtbot, store, None, "writeback") as (window, _server):
        page = window.writeback_page
        form = page.form
        loaded(qtbot, form)
        assert page.title() == "Activity write-back"
        assert writeback_settings.modify_all_data(store) is True, "the org was asked"
        assert not form.unavailable_label.isVisible()
        assert form.question.text() == "Enable Sales Navigator data to sync back to your CRM?"
        assert form.enable.text() == "Enable &write-back (recommended)"
        assert not form.enable.isChecked() and not form.items_box.isEnabled()
        assert window.button(NEXT).isEnabled(), "write-back is optional"
        assert form.enable.hasFocus()

        qtbot.keyClick(form.enable, Qt.Key.Key_Space)  # by keyboard, as an admin may
        saved(qtbot, form)
        assert writeback_settings.enabled(store)
        assert writeback_settings.kinds(store) == ["inmail", "message", "note", "call"]
        assert form.items_box.isEnabled()
        assert form.all_items.checkState() is Qt.CheckState.Checked
        assert_no_mnemonic_twice(window)
        shoot(window, "7-writeback")

        click(qtbot, form.kind_boxes["call"])
        saved(qtbot, form)
        assert writeback_settings.kinds(store) == ["inmail", "message", "note"]
        assert form.all_items.checkState() is Qt.CheckState.PartiallyChecked
        assert writeback_settings.refusal(store, "call") is not None, "Copy to CRM says so"

        click(qtbot, form.all_items)  # "Sync back all data items"
        saved(qtbot, form)
        assert writeback_settings.kinds(store) == ["inmail", "message", "note", "call"]
        click(qtbot, form.all_items)  # all to none is refused: at least one item
        saved(qtbot, form)
        assert form.error_label.isVisible()
        assert "Choose at least one item" in form.error_label.text()
        assert writeback_settings.kinds(store) == ["inmail", "message", "note", "call"]
        assert form.all_items.checkState() is Qt.CheckState.Checked, "the boxes show what is kept"

        click(qtbot, form.enable)
        saved(qtbot, form)
        assert not writeback_settings.enabled(store)
        assert settings_catalog.show(store)["writeback.enabled"] is False


def test_without_modify_all_data_write_back_is_unavailable_and_the_test_skipped(
    qtbot, store, english_locale
):
    with wizard_at(qtbot, store, "view-only-admin", "writeback") as (window, _server):
        form = window.writeback_page.form
        loaded(qtbot, form)
        assert form.unavailable_label.isVisible()
        assert "View All Data but not Modify All Data" in form.unavailable_label.text()
        assert "give the user Modify All Data" in form.unavailable_label.text()
        assert not form.enable.isEnabled() and not form.items_box.isEnabled()
        shoot(window, "7-writeback-unavailable")

        click(qtbot, window.button(NEXT))
        page = window.test_writeback_page
        assert window.currentPage() is page
        assert not page.run_button.isEnabled()
        assert page.skip_label.isVisible()
        assert page.skip_label.text().startswith("Test Write-Back is skipped.")
        assert "not Modify All Data" in page.skip_label.text()
        assert window.button(NEXT).isEnabled()
        shoot(window, "8-test-writeback-skipped")

        click(qtbot, window.button(NEXT))
        finish = window.finish_page
        assert "Modify All Data" in finish.writeback.label.text()
        assert finish.test_label.text().startswith("Test Write-Back is skipped.")


def test_test_write_back_lists_the_records_opens_them_and_deletes_them(
    qtbot, store, english_locale, opened_urls, monkeypatch
):
    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    with wizard_at(qtbot, store, None, "writeback") as (window, server):
        loaded(qtbot, window.writeback_page.form)
        click(qtbot, window.button(NEXT))
        page = window.test_writeback_page
        assert window.currentPage() is page
        assert page.skip_label.isVisible() and "optional" in page.skip_label.text()
        assert window.button(NEXT).isEnabled(), "Next skips the test"
        assert page.run_button.hasFocus() and not page.delete_button.isVisible()

        qtbot.keyClick(page.run_button, Qt.Key.Key_Return)  # Enter runs it
        # the job reports at the earliest on the event loop's next turn: this is while it runs
        assert page.busy_bar.isVisible() and not page.run_button.isEnabled()
        assert (
            window.button(BACK).isEnabled()
            and window.button(QWizard.WizardButton.CancelButton).isEnabled()
        )
        qtbot.waitUntil(lambda: page.records_box.isVisible(), timeout=WAIT_MS)
        assert not page.busy_bar.isVisible()
        rows = [
            [page.records_grid.itemAtPosition(row, column).widget().text() for column in (0, 1)]
            for row in range(1, page.records_grid.rowCount())
        ]
        assert rows == [
            ["Test contact", "Contact"],
            ["Test InMail (Task)", "Task"],
            ["Test message (Task)", "Task"],
            ["Test note (Notes & Attachments)", "Note"],
            ["Test call (Task)", "Task"],
        ]
        assert "activity reports" in page.reports_label.text()
        assert len(page.view_buttons) == 5 and page.view_buttons[0].hasFocus()
        assert_no_mnemonic_twice(window)
        shoot(window, "8-test-writeback")

        records = page.result.records
        contact = records[0]
        click(qtbot, page.view_buttons[0])
        qtbot.waitUntil(lambda: bool(opened_urls), timeout=WAIT_MS)
        browser = requests.Session()
        browser.trust_env = False
        shown = browser.get(opened_urls[0], timeout=30)  # the demo org's front door
        assert shown.status_code == 200 and shown.url == contact.view_url
        assert TEST_LAST_NAME in shown.text, "the browser is logged in and sees the contact"
        assert contact.view_url == (
            f"{server.endpoint.browser_url}/lightning/r/Contact/{contact.id}/view"
        )

        monkeypatch.setattr(test_writeback.QDesktopServices, "openUrl", lambda _url: False)
        click(qtbot, page.view_buttons[1])  # no browser could be started
        qtbot.waitUntil(page.view_message.isVisible, timeout=WAIT_MS)
        assert page.view_message.text() == (
            f"No browser could be opened. The record's address: {records[1].view_url}"
        )

        assert page.delete_button.isVisible()
        click(qtbot, page.delete_button)
        qtbot.waitUntil(lambda: page._job is None, timeout=WAIT_MS)
        assert page.cleanup_label.text() == "Test records deleted in your CRM: 6."  # + the link
        assert not page.delete_button.isVisible() and not page.records_box.isVisible()
        assert settings.get(store, TEST_RECORDS) == []
        with org_client(window.app_state.manager) as session:
            for record in records:
                assert org_records(session, record.sobject, "Id", "Id", record.id) == []
            assert org_records(session, "Contact", "Id", "LastName", TEST_LAST_NAME) == []
            assert org_records(session, "Task", "Id", "WhoId", contact.id) == []

        click(qtbot, window.button(NEXT))
        finish = window.finish_page
        assert finish.writeback.label.text() == (
            "On, all data items: InMails, Messages, Notes, Calls"
        )
        assert finish.test_label.text() == "Passed; the test records were deleted again."
        shoot(window, "9-finish-writeback")


def test_a_validation_rule_shows_salesforce_s_message_and_the_guide_s_advice(
    qtbot, store, english_locale
):
    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    with wizard_at(qtbot, store, "email-validation-rule", "test_writeback") as (window, _server):
        page = window.test_writeback_page
        click(qtbot, page.run_button)
        qtbot.waitUntil(lambda: page._job is None and page.error_label.isVisible(), timeout=WAIT_MS)
        message = page.error_label.text()
        assert "Email is required" in message, "Salesforce's own message"
        assert "deactivate the rule temporarily" in message
        assert "delete the test record" in message
        assert "\n" not in message and "Traceback" not in message
        assert page.run_button.text() == "&Retry" and page.run_button.isEnabled()
        assert page.run_button.hasFocus()
        assert not page.records_box.isVisible() and not page.delete_button.isVisible()
        assert window.button(NEXT).isEnabled()
        with org_client(window.app_state.manager) as session:
            assert org_records(session, "Contact", "Id", "LastName", TEST_LAST_NAME) == []
        shoot(window, "8-test-writeback-failed")

        click(qtbot, page.run_button)  # Retry: refused the same way, nothing left either
        qtbot.waitUntil(lambda: page._job is None and page.error_label.isVisible(), timeout=WAIT_MS)
        assert "Email is required" in page.error_label.text()

        click(qtbot, window.button(NEXT))
        assert window.finish_page.test_label.text().startswith("Failed: Salesforce refused")


def test_skipped_the_finish_page_says_the_test_did_not_run(qtbot, store, english_locale):
    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    settings_catalog.change(store, writeback_settings.KINDS_SETTING, "inmail,call")
    with wizard_at(qtbot, store, None, "test_writeback") as (window, _server):
        click(qtbot, window.button(NEXT))
        finish = window.finish_page
        assert window.currentPage() is finish
        assert finish.writeback.label.text() == "On: InMails, Calls"
        assert finish.test_label.text() == "Not run: activities reach your CRM untested."
        assert "activity write-back on the CRM settings tab" in finish.next_label.text()


def test_write_back_off_there_is_nothing_to_test(qtbot, store, english_locale):
    with wizard_at(qtbot, store, None, "test_writeback") as (window, _server):
        page = window.test_writeback_page
        assert not page.run_button.isEnabled()
        assert "Activity write-back is off" in page.skip_label.text()
        click(qtbot, window.button(NEXT))
        assert window.finish_page.writeback.label.text() == (
            "Off: activities stay in NavSync Desktop."
        )


def test_the_main_window_s_crm_settings_tab_changes_the_same_settings(qtbot, store, english_locale):
    with demo_org_server() as server, connected(store, server) as manager:
        app_state = AppState(store, manager)
        window = MainWindow(app_state, lambda _page: None)
        window.scheduler.stop()
        qtbot.addWidget(window)
        window.show()
        tab = window.crm_settings_tab
        window.tabs.setCurrentWidget(tab)
        form = tab.writeback_form
        assert isinstance(form, WritebackSettingsForm), "the wizard's own form"
        loaded(qtbot, form)
        assert not form.enable.isChecked()
        with qtbot.waitSignal(tab.changed, timeout=WAIT_MS):
            click(qtbot, form.enable)
        saved(qtbot, form)
        assert writeback_settings.enabled(store)
        with qtbot.waitSignal(tab.changed, timeout=WAIT_MS):
            click(qtbot, form.kind_boxes["inmail"])
        saved(qtbot, form)
        assert writeback_settings.kinds(store) == ["message", "note", "call"]
        assert_no_mnemonic_twice(window)
        shoot(window, "main-crm-settings-writeback")

        settings_catalog.change(store, writeback_settings.KINDS_SETTING, "all")  # the CLI
        tab.refresh()
        assert form.kind_boxes["inmail"].isChecked()
        window.close()
        finish_jobs(app_state)


def test_the_pages_in_german(qtbot, store, german):
    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    with wizard_at(qtbot, store, None, "writeback") as (window, _server):
        form = window.writeback_page.form
        loaded(qtbot, form)
        assert window.writeback_page.title() == "Rückübertragung von Aktivitäten"
        assert "Enable Sales Navigator data to sync back to your CRM?" in form.question.text()
        assert form.enable.text() == "Rückübertragung ein&schalten (empfohlen)"
        assert "Sync back all data items" in form.all_items.text()
        assert_no_mnemonic_twice(window)
        shoot(window, "7-writeback-de")
        click(qtbot, window.button(NEXT))
        page = window.test_writeback_page
        assert page.title() == "Test Write-Back"
        click(qtbot, page.run_button)
        qtbot.waitUntil(lambda: page.records_box.isVisible(), timeout=WAIT_MS)
        assert page.view_buttons[0].text() == "View in CRM", "the guide's name for it"
        assert page.delete_button.text() == "Testdaten &löschen"
        assert "Aktivitätsberichten" in page.reports_label.text()
        assert_no_mnemonic_twice(window)
        # the done step's title is longer than the step list is wide: it is broken, not cut
        done = window.step_list.rows[4].button.text()
        assert done == "✔  Rückübertragung von\nAktivitäten"
        assert "Testkontakt" in page.records_grid.itemAtPosition(1, 0).widget().text()
        shoot(window, "8-test-writeback-de")
        click(qtbot, page.delete_button)
        qtbot.waitUntil(lambda: page._job is None, timeout=WAIT_MS)
        assert page.cleanup_label.text() == "Gelöschte Testeinträge in Ihrem CRM: 6."


def test_test_records_left_from_an_earlier_run_are_offered_for_deletion(
    qtbot, store, english_locale
):
    from navsync_desktop.engine.writeback_trial import run_test_writeback

    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    settings_catalog.change(store, writeback_settings.KINDS_SETTING, "inmail")
    with wizard_at(qtbot, store, None, "test_writeback") as (window, _server):
        manager = window.app_state.manager
        left = run_test_writeback(store, manager).records  # e.g. `test-writeback` in a shell
        page = window.test_writeback_page
        page.initializePage()  # shown again
        assert page.delete_button.isVisible()
        assert "earlier Test Write-Back are still in your CRM" in page.cleanup_label.text()
        click(qtbot, page.delete_button)
        qtbot.waitUntil(lambda: page._job is None, timeout=WAIT_MS)
        assert page.cleanup_label.text() == "Test records deleted in your CRM: 2."
        with org_client(manager) as session:
            for record in left:
                assert org_records(session, record.sobject, "Id", "Id", record.id) == []


def test_passed_and_kept_the_summary_says_how_to_delete_the_test_records(
    qtbot, store, english_locale
):
    settings_catalog.change(store, writeback_settings.ENABLED, "yes")
    settings_catalog.change(store, writeback_settings.KINDS_SETTING, "call")
    with wizard_at(qtbot, store, None, "writeback") as (window, _server):
        loaded(qtbot, window.writeback_page.form)
        click(qtbot, window.button(NEXT))
        page = window.test_writeback_page
        click(qtbot, page.run_button)
        qtbot.waitUntil(lambda: page.records_box.isVisible(), timeout=WAIT_MS)
        click(qtbot, window.button(NEXT))
        summary = window.finish_page.test_label.text()
        assert summary.startswith("Passed. Its test records are still in your CRM")
        assert "test-writeback --cleanup" in summary
        click(qtbot, window.button(BACK))  # Back to delete them after all
        assert window.currentPage() is page and page.delete_button.isVisible()
        click(qtbot, page.delete_button)
        qtbot.waitUntil(lambda: page._job is None, timeout=WAIT_MS)
        click(qtbot, window.button(NEXT))
        assert window.finish_page.test_label.text() == (
            "Passed; the test records were deleted again."
        )
