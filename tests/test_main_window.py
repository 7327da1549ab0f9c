"""The main window against the demo org over HTTPS, with the real sync, a real store and a real
file keyring: what the admin sees in the header, while syncing, and in the three tabs."""

from __future__ import annotations

import re

import pytest
from gui_support import WAIT_MS, finish_jobs, shoot
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sync_support import connected, demo_org_server

from navsync_desktop.demo_org.faults import FaultKind, FaultPlan
from navsync_desktop.engine import autosave, seats, settings_catalog
from navsync_desktop.engine.sync import Outcome
from navsync_desktop.gui.app import close_down
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import format_datetime
from navsync_desktop.gui.main.history_tab import KIND, OUTCOME, READ, REQUESTS, USAGE, WHEN
from navsync_desktop.gui.main.seats_tab import ACCOUNTS, PEOPLE, SYNC, USER
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.worker import running_jobs
from navsync_desktop.store import connection as stored_connection
from navsync_desktop.store import crm_records, sync_runs
from navsync_desktop.store.connection import ConnectionState

OBJECT_TITLES = {
    "Users",
    "Roles",
    "Accounts",
    "Contacts",
    "Leads",
    "Opportunities",
    "Opportunity Contact Roles",
    "Opportunity Stages",
}


@pytest.fixture
def org(navsync_home):
    with demo_org_server() as server:
        yield server


@pytest.fixture
def app_state(store, org, english_locale):
    with connected(store, org) as manager:
        state = AppState(store, manager)
        yield state
        finish_jobs(state)


@pytest.fixture
def opened_wizard_at():
    return []


@pytest.fixture
def window(qtbot, app_state, opened_wizard_at):
    window = MainWindow(app_state, opened_wizard_at.append)
    window.scheduler.stop()  # these tests start each sync themselves
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def sync_and_wait(qtbot, app_state) -> None:
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        assert app_state.sync.start()


def test_after_a_sync_the_header_says_connected_and_last_synced(qtbot, window, app_state):
    header = window.header
    assert header.text() == "Connected to Salesforce · Last synced —"
    assert window.sync_button.isEnabled() and not window.cancel_button.isEnabled()
    assert not window.reconnect_button.isVisible()
    assert window.progress.outcome_label.text() == "No sync has run yet."

    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5)  # Sync now, from the keyboard

    last = sync_runs.last_synced(app_state.store)
    assert header.text() == f"Connected to Salesforce · Last synced {format_datetime(last)}"
    read = sum(c["read"] for c in sync_runs.history(app_state.store)[0].objects.values())
    assert re.fullmatch(
        rf"The latest sync finished {re.escape(format_datetime(last))}: {read:,} records read "
        r"in \d+\.\d s\.",
        window.progress.outcome_label.text(),
    )
    assert window.sync_button.isEnabled() and not window.progress.bar.isVisible()
    assert window.schedule_label.text().startswith("Next sync: ")
    assert window.schedule_label.text().endswith("(scheduled daily).")
    shoot(window, "main-window")


def test_the_history_lists_runs_newest_first_with_counts_and_api_usage(qtbot, window, app_state):
    sync_and_wait(qtbot, app_state)
    sync_and_wait(qtbot, app_state)
    tree = window.history_tab.tree
    assert tree.topLevelItemCount() == 2
    newest, first = tree.topLevelItem(0), tree.topLevelItem(1)
    assert (newest.text(KIND), newest.text(OUTCOME)) == ("Incremental", "Succeeded")
    assert (first.text(KIND), first.text(OUTCOME)) == ("Full", "Succeeded")
    objects = {first.child(i).text(WHEN): first.child(i) for i in range(first.childCount())}
    assert set(objects) == OBJECT_TITLES, "objects by their labels, not their API names"
    assert objects["Contacts"].text(READ) == "200"
    assert objects["Contacts"].text(KIND) == "REST"
    assert int(first.text(REQUESTS)) > 0
    assert re.fullmatch(r"[\d,]+ of [\d,]+", first.text(USAGE)), first.text(USAGE)
    window.tabs.setCurrentWidget(window.history_tab)
    tree.expandAll()
    shoot(window, "main-history")


def test_progress_shows_in_the_header_while_syncing_and_cancel_changes_nothing(
    qtbot, window, app_state, sync_gate
):
    gate = sync_gate
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    assert gate.reached.wait(30)
    qtbot.waitUntil(lambda: "Contacts" in window.header.text(), timeout=WAIT_MS)
    line = window.header.state_label.text()
    shown = re.fullmatch(r"Syncing (\d+)% — Contacts ([\d,]+) / 200", line)
    assert shown, line
    assert window.progress.bar.isVisible()
    assert window.progress.bar.value() == int(shown.group(1))
    assert window.cancel_button.isEnabled() and not window.sync_button.isEnabled()
    assert not app_state.sync.start(), "never two syncs at once"
    shoot(window, "main-syncing")

    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    gate.release()
    qtbot.waitUntil(lambda: not app_state.sync.running, timeout=WAIT_MS)
    assert window.header.text() == "Connected to Salesforce · Last synced —"
    assert window.progress.outcome_label.text() == (
        "The latest sync was cancelled; the local data is unchanged."
    )
    assert set(crm_records.counts(app_state.store).values()) == {0}, "nothing half-done"
    assert window.history_tab.tree.topLevelItem(0).text(OUTCOME) == "Cancelled"
    assert window.sync_button.isEnabled()


def test_a_retry_shows_in_the_header(qtbot, window, app_state, org):
    org.inject_faults(FaultPlan(rate=0.25, seed=3, kinds=(FaultKind.UNAVAILABLE,)))
    lines = []
    app_state.sync_line_changed.connect(lambda line: lines.append(window.header.text()))
    sync_and_wait(qtbot, app_state)
    assert any(said.startswith("Retrying — Salesforce answered 503 · ") for said in lines), lines


def test_closing_the_window_during_a_sync_cancels_it_and_keeps_nothing_half_done(
    qtbot, window, app_state, sync_gate
):
    gate = sync_gate
    window.sync_now()
    assert gate.reached.wait(30)
    window.close()
    gate.release()
    close_down(app_state.manager, app_state.sync)  # what the program does once it is closed
    assert running_jobs() == 0
    QApplication.processEvents()
    assert sync_runs.history(app_state.store)[0].status == Outcome.CANCELLED
    assert set(crm_records.counts(app_state.store).values()) == {0}
    assert stored_connection.load(app_state.store).state is ConnectionState.CONNECTED


def test_history_errors_are_translated(qtbot, app_state, german):
    sync_runs.start(app_state.store, "full")
    sync_runs.mark_interrupted(app_state.store)  # as after a program that was killed
    window = MainWindow(app_state, lambda _at: None)
    window.scheduler.stop()
    qtbot.addWidget(window)
    run = window.history_tab.tree.topLevelItem(0)
    assert (run.text(KIND), run.text(OUTCOME)) == ("Vollständig", "Fehlgeschlagen")
    error = run.child(0)
    assert error.text(WHEN).startswith("Die Synchronisierung wurde unterbrochen")
    assert window.tabs.tabText(window.tabs.indexOf(window.history_tab)) == (
        "Synchronisierungsverla&uf"
    )


# the Seats tab


def test_demo_sales_reps_their_salesforce_user_and_saved_lists(qtbot, window, app_state):
    sync_and_wait(qtbot, app_state)
    tab = window.seats_tab
    assert tab.demo_button.isVisible(), "the demo org offers its sales reps"
    qtbot.mouseClick(tab.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0, timeout=WAIT_MS)
    assert re.fullmatch(r"\d+ sales reps of the demo org were added\.", tab.message.text())
    holders = seats.seat_holders(app_state.store)
    assert tab.table.rowCount() == len(holders)
    for row, holder in enumerate(holders):
        assert tab.table.item(row, USER).text() == holder.user_name
        switch = tab.table.item(row, SYNC)
        assert switch.checkState() == Qt.CheckState.Checked
        assert not switch.flags() & Qt.ItemFlag.ItemIsEnabled, "auto sync all: not switchable"
        assert "Auto sync all seat holders is Yes" in switch.toolTip()
    assert "Auto sync all seat holders is Yes" in tab.auto_sync_label.text()
    row = max(range(len(holders)), key=lambda r: holders[r].leads_and_contacts)
    lists = autosave.saved_lists(app_state.store, holders[row].seat.email)[0]
    assert tab.table.item(row, ACCOUNTS).text() == f"{len(lists.accounts):,}"
    assert tab.table.item(row, PEOPLE).text() == f"{len(lists.leads_and_contacts):,}"
    assert len(lists.accounts) > 0
    window.tabs.setCurrentWidget(tab)
    shoot(window, "main-seats")

    tab.table.selectRow(row)
    qtbot.mouseClick(tab.lists_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.isVisible()
    assert dialog.tabs.tabText(0) == f"My CRM Accounts ({len(lists.accounts)})"
    assert dialog.tabs.tabText(1) == (
        f"My CRM Leads and Contacts ({len(lists.leads_and_contacts)})"
    )
    names = sorted(dialog.accounts.item(r, 0).text() for r in range(dialog.accounts.rowCount()))
    assert names == sorted(record.name for record in lists.accounts)
    dialog.reject()


def test_with_auto_sync_no_each_seat_s_switch_decides(qtbot, window, app_state):
    sync_and_wait(qtbot, app_state)
    seats.add_sales_reps(app_state.store)
    tab = window.seats_tab
    tab.refresh()
    settings_tab = window.crm_settings_tab
    qtbot.mouseClick(settings_tab.change_button, Qt.MouseButton.LeftButton)
    dialog = settings_tab.dialog
    qtbot.waitUntil(dialog.form.is_ready, timeout=WAIT_MS)
    dialog.form.no.click()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(settings_tab.changed, timeout=WAIT_MS):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert settings_tab.answers.auto_sync.text().startswith("No: each seat holder's own switch")
    assert "each seat holder's Sync switch decides" in tab.auto_sync_label.text()

    row = max(range(tab.table.rowCount()), key=lambda r: int(tab.table.item(r, PEOPLE).text()))
    switch = tab.table.item(row, SYNC)
    assert (
        switch.flags() & Qt.ItemFlag.ItemIsEnabled
        and switch.flags() & Qt.ItemFlag.ItemIsUserCheckable
    )
    name = tab.holders[row].seat.name
    switch.setCheckState(Qt.CheckState.Unchecked)  # as a click on the check box does
    qtbot.waitUntil(lambda: tab.message.text() == f"{name} is not synced now.", timeout=WAIT_MS)
    assert tab.table.item(row, SYNC).text() == "Off"
    assert (tab.table.item(row, ACCOUNTS).text(), tab.table.item(row, PEOPLE).text()) == ("0", "0")
    holder = next(h for h in seats.seat_holders(app_state.store) if h.seat.name == name)
    assert not holder.synced


def test_a_seat_added_by_hand_bad_input_first(qtbot, window, app_state):
    tab = window.seats_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.email, "nope")
    qtbot.keyClicks(dialog.name, "Ada Lovelace")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT_MS)
    assert dialog.message.text() == "\u201cnope\u201d is not an email address"
    assert dialog.isVisible() and dialog.name.text() == "Ada Lovelace", "nothing typed is lost"

    dialog.email.setText("ada@example.com")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, USER).text() == "Not matched"
    assert tab.message.text() == "ada@example.com was added."


def test_seats_imported_from_a_csv_file(qtbot, window, app_state, tmp_path, monkeypatch):
    good = tmp_path / "seats.csv"
    good.write_text(
        "E-Mail;Name;Seat Type;Sync\n"
        "lena.hoffmann@northwind-demo.example;Lena Hoffmann;Admin + Team member;yes\n"
        "someone@example.com;Some One;Team member;no\n",
        encoding="utf-8",
    )
    bad = tmp_path / "broken.csv"
    bad.write_text("email,name\nx@example.com,X\nnot-an-email,Y\n", encoding="utf-8")
    chosen = [good]
    # Stands in for the user's choice in the file dialog (a native dialog cannot be driven
    # headless); the import behind it is real.
    monkeypatch.setattr(
        "navsync_desktop.gui.main.seats_tab.QFileDialog.getOpenFileName",
        lambda *_args: (str(chosen[0]), ""),
    )
    tab = window.seats_tab
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT_MS)
    assert tab.message.text() == "seats.csv: 2 added, 0 updated."

    chosen[0] = bad
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.message.is_error, timeout=WAIT_MS)
    assert tab.message.text() == (
        "broken.csv, line 3: \u201cnot-an-email\u201d is not an email address. Nothing was "
        "imported."
    )
    assert tab.table.rowCount() == 2


# the CRM settings tab


def test_change_opens_the_wizard_s_form_and_keeps_the_answers(qtbot, window, app_state):
    sync_and_wait(qtbot, app_state)
    tab = window.crm_settings_tab
    assert tab.answers.stage.text() == "Not Sure: every open opportunity counts"
    qtbot.mouseClick(tab.change_button, Qt.MouseButton.LeftButton)
    form = tab.dialog.form
    qtbot.waitUntil(form.is_ready, timeout=WAIT_MS)
    stages = [form.stage.itemText(i) for i in range(form.stage.count())]
    assert stages[-1] == "Not Sure" and len(stages) > 2
    form.stage.setCurrentIndex(1)
    chosen_label, chosen = form.stage.currentText(), form.stage.currentData()
    with qtbot.waitSignal(tab.changed, timeout=WAIT_MS):
        tab.dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert tab.answers.stage.text() == chosen_label
    assert settings_catalog.show(app_state.store)["crm.pipeline_stage"] == chosen
    assert tab.message.text() == "The CRM settings were saved."


def test_the_sync_interval_is_kept_and_shown(qtbot, window, app_state):
    window.tabs.setCurrentWidget(window.crm_settings_tab)
    spin = window.crm_settings_tab.interval
    assert spin.value() == 24
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    with qtbot.waitSignal(window.crm_settings_tab.changed, timeout=WAIT_MS):
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert settings_catalog.show(app_state.store)["sync.interval_hours"] == 6
    assert "(scheduled every 6 hours)" in window.schedule_label.text()


# the rest of the window


def test_not_connected_the_window_offers_to_connect(qtbot, window, app_state, opened_wizard_at):
    app_state.manager.disconnect()
    app_state.refresh()
    assert window.header.text().startswith("Disconnected")
    assert window.reconnect_button.isVisible() and not window.sync_button.isEnabled()
    assert "wait until you connect again" in window.schedule_label.text()
    qtbot.mouseClick(window.reconnect_button, Qt.MouseButton.LeftButton)
    assert opened_wizard_at == ["connect"]
    window.wizard_action.trigger()
    assert opened_wizard_at == ["connect", None]


def test_help_opens_the_support_page(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "navsync_desktop.gui.main_window.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()),  # stands in for the system browser
    )
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Program", "&Help"]
    window.help_action.trigger()
    assert opened == ["https://www.linkedin.com/help/sales-navigator"]


def test_started_later_the_program_opens_the_main_window_and_its_menu_the_wizard(
    qtbot, app_state, monkeypatch
):
    from navsync_desktop.gui.app import Windows

    # a browser that opens nothing, as in the wizard's tests: Python's webbrowser keeps the
    # first answer it found for the rest of the process
    monkeypatch.setenv("BROWSER", "true")
    from navsync_desktop.gui.wizard.wizard import SetupWizard
    from navsync_desktop.store import settings

    first = Windows(app_state, demo=True).show_first()
    qtbot.addWidget(first)
    assert isinstance(first, SetupWizard), "before the wizard was finished"
    first.reject()
    settings.put(app_state.store, "wizard.finished", True)
    windows = Windows(app_state, demo=True)
    later = windows.show_first()
    qtbot.addWidget(later)
    later.scheduler.stop()
    assert isinstance(later, MainWindow) and later.isVisible()
    assert later.header.text() == "Connected to Salesforce · Last synced —"

    later.wizard_action.trigger()  # Program > Setup wizard…
    wizard = windows.wizard
    assert wizard.isVisible() and wizard.currentPage() is wizard.welcome_page
    wizard.reject()
    later.reconnect_button.click()  # "Connect…" (shown when not connected) opens Connect to CRM
    assert windows.wizard is not wizard
    assert windows.wizard.currentPage() is windows.wizard.connect_page
    checked = windows.wizard.prerequisites_page.checks
    qtbot.waitUntil(lambda: bool(checked.results), timeout=WAIT_MS)  # while BROWSER is set
    windows.wizard.reject()


def test_a_closed_window_ignores_what_the_program_reports_later(qtbot, app_state, opened_wizard_at):
    # the sync and write-back controllers outlive the window (the tour, a reopened window):
    # their signals must not reach the widgets of a deleted one
    window = MainWindow(app_state, opened_wizard_at.append)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app_state.writeback.running_changed.emit(False)
    app_state.sync.running_changed.emit(False)
    app_state.refresh()
