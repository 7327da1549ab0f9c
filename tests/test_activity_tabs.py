"""The main window's Activities and Unresolved activities tabs, File > Import LinkedIn
messages… and the write-back run from the GUI, against the demo org over HTTPS with the real
sync, import, matching and write-back, a real store and a real file keyring. Salesforce's side
is read back through the org's REST API. Only the system's file dialogs and browser are stood
in for (a test cannot click a native dialog or look into a browser); each test says where."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from gui_support import WAIT_MS, finish_jobs, shoot
from linkedin_export import Member, conversations, row, write
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox
from sync_support import org_client
from writeback_support import (
    SEAT,
    SEAT_EMAIL,
    STRANGER,
    contacts_with_urls,
    log_calls,
    members,
    org_records,
    ready,
    refs_count,
    unresolved_export,
    user_id,
)

from navsync_desktop.engine import activities, seats, writeback_settings
from navsync_desktop.engine.activities import LoggedPerson
from navsync_desktop.engine.linkedin_import import import_messages
from navsync_desktop.gui import writeback_controller
from navsync_desktop.gui.app import close_down
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.main import activities_tab as activities_tab_module
from navsync_desktop.gui.main import import_dialog as import_dialog_module
from navsync_desktop.gui.main import unresolved_tab as unresolved_tab_module
from navsync_desktop.gui.main.activities_tab import COLUMNS
from navsync_desktop.gui.main.activity_model import DATE, KIND, RECORD, STATE, ActivityModel
from navsync_desktop.gui.main.unresolved_tab import COLUMNS as UNRESOLVED_COLUMNS
from navsync_desktop.gui.main_window import MainWindow
from navsync_desktop.gui.worker import running_jobs
from navsync_desktop.store import settings

WHEN = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)


def open_window(qtbot, app_state) -> MainWindow:
    window = MainWindow(app_state, lambda _at: None)
    window.scheduler.stop()  # no scheduled sync in between
    qtbot.addWidget(window)
    window.resize(window.sizeHint())  # as the program opens it
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    settle(qtbot, window)
    return window


def settle(qtbot, window) -> None:
    """Until both tabs show what their (background) reading found."""
    tabs = (window.activities_tab, window.unresolved_tab)
    qtbot.waitUntil(lambda: not any(tab.loader.loading for tab in tabs), timeout=WAIT_MS)


@pytest.fixture
def setup(store, english_locale, request):
    """(window, app_state, connection): synced demo org, Lena as a seat holder, write-back on
    (``@pytest.mark.parametrize("setup", [{...}], indirect=True)`` passes ``ready``'s
    options)."""
    options = getattr(request, "param", {})
    with ready(store, **options) as (_server, connection):
        app_state = AppState(store, connection)
        yield app_state, connection
        finish_jobs(app_state)


def cell(tab, row: int, column: int) -> str:
    return tab.proxy.index(row, tab.model.columns.index(column)).data()


def rows_where(tab, column: int, text: str) -> list[int]:
    return [r for r in range(tab.proxy.rowCount()) if cell(tab, r, column) == text]


def select_rows(tab, rows: list[int]) -> None:
    selection = tab.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        selection.select(tab.proxy.index(r, 0), flags)


def wait_for_writeback(qtbot, window) -> None:
    """Until the write-back ended and the tabs show its outcome."""
    writeback = window.app_state.writeback
    ended = lambda: writeback.last_result is not None or writeback.last_error is not None  # noqa: E731
    qtbot.waitUntil(lambda: ended() and not writeback.running, timeout=WAIT_MS)
    settle(qtbot, window)


def choose(qtbot, window, chooser, value) -> None:
    chooser.setCurrentIndex(chooser.findData(value))
    settle(qtbot, window)


def show_tab(qtbot, window, tab) -> None:
    window.tabs.setCurrentWidget(tab)  # a tab reads its list again when it comes into view
    settle(qtbot, window)


def choose_seat(qtbot, window, email: str = SEAT_EMAIL) -> None:
    choose(qtbot, window, window.activities_tab.seat, email)


# File > Import LinkedIn messages…


def test_import_via_the_menu_adds_the_rows_and_writes_them_back(
    qtbot, setup, tmp_path, monkeypatch
):
    app_state, connection = setup
    store = app_state.store
    seats.add_seat(store, email="no.url@example.com", name="Nora Ohneurl")
    contacts = contacts_with_urls(store, 3)
    path = write(tmp_path / "messages.csv", conversations(SEAT, members(contacts), count=8))
    window = open_window(qtbot, app_state)
    lines = []
    app_state.writeback_line_changed.connect(lambda _line: lines.append(window.header.text()))

    assert window.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert window.menuBar().actions()[0].menu().actions()[0] is window.import_action
    window.import_action.trigger()  # File > Import LinkedIn messages…
    dialog = window.import_dialog
    assert dialog.isVisible()
    assert dialog.seat.count() == 1 and dialog.seat.currentData() == SEAT_EMAIL
    assert dialog.missing.text() == (
        "Not listed, as they have no LinkedIn profile URL (it tells sent and received messages "
        "apart): Nora Ohneurl"
    )
    # the system's file dialog is stood in for: it answers with the export's path
    asked = []
    monkeypatch.setattr(
        import_dialog_module.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args: (asked.append(args) or str(path), "")),
    )
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path.text() == str(path) and asked
    shoot(dialog, "import-dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    tab = window.activities_tab
    assert window.tabs.currentWidget() is tab
    added = len(activities.list_activities(store))
    assert added >= 8 and tab.proxy.rowCount() == added
    assert re.fullmatch(
        rf"8 messages read: {added} new activities \({added} queued for the CRM, 0 unresolved, "
        r"0 skipped\), 0 imported before\.",
        tab.message.text(),
    ), tab.message.text()
    assert {cell(tab, r, KIND) for r in range(added)} <= {"InMail", "Message"}

    wait_for_writeback(qtbot, window)  # always copy (the default): they go out at once
    assert any(said.startswith("Writing back: ") for said in lines), lines
    assert {cell(tab, r, STATE) for r in range(added)} == {"Sent"}
    assert all(cell(tab, r, RECORD).startswith("Task 00T") for r in range(added))
    assert tab.writeback_line.text() == (
        f"Write-back: {added} sent, 0 failed; 0 unresolved, 0 still queued."
    )
    assert tab.message.text().startswith("8 messages read: "), "the import's summary stays"
    assert window.header.text().startswith("Connected to Salesforce · Last synced ")
    with org_client(connection) as session:
        tasks = org_records(session, "Task", "Id", "OwnerId", user_id(store, SEAT_EMAIL))
    assert {t["Id"] for t in tasks} >= {a.record_id for a in activities.list_activities(store)}


def test_a_malformed_file_is_refused_in_one_line_and_nothing_is_imported(qtbot, setup, tmp_path):
    app_state, _connection = setup
    good = row("2-a", SEAT, [Member("Anna Beispiel", None)], WHEN, "Hallo")
    path = tmp_path / "messages.csv"
    text = write(path, [good, good]).read_text(encoding="utf-8")
    path.write_text(text + '2-b,,Anna,,Lena,,2024-05-06 10:00:00 UTC,,"unclosed\r\n', "utf-8")
    window = open_window(qtbot, app_state)
    window.import_action.trigger()
    dialog = window.import_dialog
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT_MS)
    assert dialog.message.is_error() and dialog.isVisible()
    assert dialog.message.text().startswith("messages.csv, line 4: ")
    assert dialog.message.text().endswith("Nothing was imported.")
    assert "\n" not in dialog.message.text()
    assert activities.list_activities(app_state.store) == []
    assert dialog.import_button.isEnabled(), "the admin can pick another file"


def test_cancel_stops_the_import_and_keeps_nothing(qtbot, setup, tmp_path, monkeypatch):
    app_state, _connection = setup
    people = members(contacts_with_urls(app_state.store, 20))
    path = write(tmp_path / "messages.csv", conversations(SEAT, people, count=5000))
    reached, released = threading.Event(), threading.Event()
    real_import = import_dialog_module.import_messages

    def held_import(store, path, seat, *, progress, cancel):
        # the real import, held at its first progress report until the test clicked Cancel
        def report(rows):
            progress(rows)
            reached.set()
            released.wait(30)

        return real_import(store, path, seat, progress=report, cancel=cancel)

    monkeypatch.setattr(import_dialog_module, "import_messages", held_import)
    window = open_window(qtbot, app_state)
    window.import_action.trigger()
    dialog = window.import_dialog
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    try:
        assert reached.wait(30)
        qtbot.waitUntil(lambda: "messages read" in dialog.progress_label.text(), timeout=WAIT_MS)
        assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "Cancel stops the import first"
    finally:
        released.set()
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT_MS)
    assert dialog.message.text() == "The import was cancelled; nothing was imported."
    assert activities.list_activities(app_state.store) == []
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), "now Cancel closes the dialog"


# Copy to CRM


def with_a_note(qtbot, app_state):
    """(window, Activities tab): a note about a synced contact, logged and selected."""
    url = contacts_with_urls(app_state.store, 1)[0]["linkedin_profile_url"]
    activities.log_note(app_state.store, SEAT_EMAIL, LoggedPerson(url), "Kurz notiert")
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    select_rows(tab, [0])
    return window, tab


@pytest.mark.parametrize("setup", [{"scenario": "view-only-admin"}], indirect=True)
def test_without_modify_all_data_copy_to_crm_says_why_and_is_greyed(qtbot, setup):
    app_state, _connection = setup
    writeback_settings.set_copy_mode(app_state.store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
    _window, tab = with_a_note(qtbot, app_state)
    why = (
        "Activity write-back is unavailable: the connected user has View All Data but not "
        "Modify All Data. In Salesforce Setup, give the user Modify All Data (profile or "
        "permission set), then run the checks again."
    )
    # the window asks the org as it opens (the CRM settings tab's write-back section)
    qtbot.waitUntil(lambda: not tab.copy_button.isEnabled(), timeout=WAIT_MS)
    select_rows(tab, [0])
    assert not tab.copy_button.isEnabled() and tab.copy_button.toolTip() == why
    assert not tab.copy_all_button.isEnabled() and tab.copy_all_button.toolTip() == why
    assert cell(tab, 0, STATE) == "Not copied", "kept for when the user gets the permission"


@pytest.mark.parametrize("setup", [{"enable": False}], indirect=True)
def test_copy_to_crm_is_disabled_with_the_reason_while_write_back_or_the_kind_is_off(qtbot, setup):
    app_state, _connection = setup
    store = app_state.store
    window, tab = with_a_note(qtbot, app_state)
    off = (
        "Activity write-back is off. Enable \u201cSales Navigator data to sync back to your "
        "CRM\u201d in the CRM settings first."
    )
    assert not tab.copy_button.isEnabled() and tab.copy_button.toolTip() == off
    assert not tab.copy_all_button.isEnabled() and tab.copy_all_button.toolTip() == off
    assert cell(tab, 0, STATE) == "Not copied"

    settings.put(store, writeback_settings.ENABLED, True)
    settings.put(store, writeback_settings.KINDS_SETTING, ["inmail", "message"])
    window.tabs.setCurrentWidget(window.seats_tab)
    show_tab(qtbot, window, tab)  # shown again: today's settings
    select_rows(tab, [0])
    assert not tab.copy_button.isEnabled()
    assert tab.copy_button.toolTip() == (
        "Notes are not synced back to the CRM. Choose them among the items to sync back in the "
        "CRM settings first."
    )
    assert tab.copy_all_button.isEnabled(), "other kinds may be copied"
    shoot(window, "main-activities-copy-off")


def test_copy_to_crm_writes_the_selection_back_and_view_in_crm_opens_the_task(
    qtbot, setup, tmp_path, monkeypatch
):
    app_state, connection = setup
    store = app_state.store
    writeback_settings.set_copy_mode(store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
    contact = contacts_with_urls(store, 1)[0]
    person = members([contact])[0]
    path = write(
        tmp_path / "m.csv",
        [
            row("2-a", SEAT, [person], WHEN, "Erste Nachricht"),
            row("2-a", person, [SEAT], WHEN + timedelta(hours=1), "Antwort"),
        ],
    )
    import_messages(store, path, SEAT_EMAIL)
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    choose_seat(qtbot, window)
    assert not tab.always_copy.isChecked(), "Lena's copy mode is ask"
    assert [cell(tab, r, STATE) for r in range(2)] == ["Not copied", "Not copied"]
    assert not tab.view_button.isEnabled()

    select_rows(tab, [0])
    assert tab.copy_button.isEnabled()
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    wait_for_writeback(qtbot, window)
    assert (
        tab.writeback_line.text() == "Write-back: 1 sent, 0 failed; 0 unresolved, 0 still queued."
    )
    sent = rows_where(tab, STATE, "Sent")
    assert len(sent) == 1 and rows_where(tab, STATE, "Not copied") != sent
    record = cell(tab, sent[0], RECORD)
    task_id = record.removeprefix("Task ")
    assert re.fullmatch(r"00T\w{15}", task_id), record
    with org_client(connection) as session:
        task = session.call(lambda sf: sf.Task.get(task_id))
    assert task["WhoId"] == contact["id"] and task["Status"] == "Completed"
    assert task["OwnerId"] == user_id(store, SEAT_EMAIL)

    opened = []  # stands in for the system browser
    monkeypatch.setattr(activities_tab_module, "open_in_browser", opened.append)
    select_rows(tab, sent)
    assert tab.view_button.isEnabled()
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    # the demo org's front door: a link that logs the browser in, then shows the Task
    assert "/secur/frontdoor.jsp?otp=" in opened[0]
    assert opened[0].endswith(f"retURL=%2Flightning%2Fr%2FTask%2F{task_id}%2Fview")
    show_tab(qtbot, window, tab)
    shoot(window, "main-activities")


def test_a_row_salesforce_refused_shows_its_message_and_the_fix(qtbot, setup):
    app_state, connection = setup
    store = app_state.store
    writeback_settings.set_copy_mode(store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
    kept, gone = contacts_with_urls(store, 2)
    log_calls(store, [kept, gone], when=WHEN, duration_s=60, outcome="connected")
    with org_client(connection) as session:  # deleted in the CRM after the last sync
        session.call(lambda sf: sf.Contact.delete(gone["id"]))
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    qtbot.mouseClick(tab.copy_all_button, Qt.MouseButton.LeftButton)
    wait_for_writeback(qtbot, window)
    assert tab.writeback_line.is_error()
    assert (
        tab.writeback_line.text() == "Write-back: 1 sent, 1 failed; 0 unresolved, 0 still queued."
    )
    failed = rows_where(tab, STATE, "Failed")
    assert len(failed) == 1
    said = cell(tab, failed[0], RECORD)
    assert said.startswith("The CRM record it belongs to is gone (")
    assert said.endswith("Sync the CRM data, then Copy to CRM again.")
    tooltip = tab.proxy.index(failed[0], COLUMNS.index(RECORD)).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == said, "the whole message, however narrow the column"
    select_rows(tab, failed)
    assert tab.detail.isVisible() and tab.detail.text() == said, "shown whole under the list"
    choose(qtbot, window, tab.state, "failed")
    assert tab.proxy.rowCount() == 1
    select_rows(tab, [0])
    shoot(window, "main-activities-failed")


def hold_writeback(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """(reached, released): the GUI's real write-back, held in its first progress report
    (after its first batch) until ``released`` is set; the test must set it, also when it
    fails."""
    reached, released = threading.Event(), threading.Event()
    real_run = writeback_controller.run_writeback

    def held_run(store, manager, *, progress, cancel):
        def report(event):
            progress(event)
            reached.set()
            released.wait(30)

        return real_run(store, manager, progress=report, cancel=cancel)

    monkeypatch.setattr(writeback_controller, "run_writeback", held_run)
    return reached, released


def three_notes_one_a_request(store) -> None:
    settings.put(store, writeback_settings.BATCH_SIZE, 1)
    for contact in contacts_with_urls(store, 3):
        activities.log_note(store, SEAT_EMAIL, LoggedPerson(contact["linkedin_profile_url"]), "x")


def test_closing_the_window_during_a_write_back_stops_it_and_loses_nothing(
    qtbot, setup, monkeypatch
):
    app_state, connection = setup
    store = app_state.store
    three_notes_one_a_request(store)
    reached, released = hold_writeback(monkeypatch)
    window = open_window(qtbot, app_state)
    try:
        assert app_state.writeback.start()
        assert reached.wait(30)
        window.close()
    finally:
        released.set()
    close_down(connection, app_state.sync, app_state.writeback)  # as the program does
    assert running_jobs() == 0
    states = [a.state for a in activities.list_activities(store)]
    assert "sending" not in states and set(states) <= {"sent", "queued"}
    assert states.count("queued") >= 1, "stopped after the batch in flight"
    with org_client(connection) as session:
        refs = refs_count(session.query_all("SELECT Id, Title FROM ContentNote"), "Title")
    created = {a.ref for a in activities.list_activities(store) if a.record_id}
    assert set(refs) == created and set(refs.values()) <= {1}, "none unknown, none twice"


def test_a_running_write_back_shows_in_the_header_and_stop_keeps_the_rest_queued(
    qtbot, setup, monkeypatch
):
    app_state, _connection = setup
    three_notes_one_a_request(app_state.store)
    reached, released = hold_writeback(monkeypatch)
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    try:
        assert app_state.writeback.start()
        assert not app_state.writeback.start(), "one write-back at a time"
        assert reached.wait(30)
        qtbot.waitUntil(lambda: "Writing back" in window.header.text(), timeout=WAIT_MS)
        assert re.fullmatch(
            r"Writing back: 0 sent, 0 failed, 3 to go · Last synced .+", window.header.text()
        ), window.header.text()
        label = window.header.state_label  # the whole line, once laid out: not shortened
        qtbot.waitUntil(lambda: label.displayed_text() == label.text(), timeout=WAIT_MS)
        shoot(window, "main-writing-back")
        assert tab.stop_button.isEnabled()
        qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    finally:
        released.set()
    wait_for_writeback(qtbot, window)
    result = app_state.writeback.last_result
    assert result.sent < 3 and result.sent + result.queued == 3, "the rest stays queued"
    assert window.header.text().startswith("Connected to Salesforce · ")
    assert not tab.stop_button.isEnabled()


def test_after_a_sync_what_waits_in_the_outbox_goes_out(qtbot, setup):
    app_state, _connection = setup
    store = app_state.store
    url = contacts_with_urls(store, 1)[0]["linkedin_profile_url"]
    logged = activities.log_note(store, SEAT_EMAIL, LoggedPerson(url), "vor dem Neustart")
    assert logged.state == "queued", "queued while no window ran a write-back"
    window = open_window(qtbot, app_state)
    with qtbot.waitSignal(app_state.sync.finished, timeout=WAIT_MS):
        window.sync_now()
    wait_for_writeback(qtbot, window)
    assert activities.list_activities(store)[0].state == "sent"


def test_a_write_back_asked_for_while_one_runs_follows_it(qtbot, setup):
    app_state, _connection = setup
    store = app_state.store
    first, later = contacts_with_urls(store, 2)
    activities.log_note(store, SEAT_EMAIL, LoggedPerson(first["linkedin_profile_url"]), "eins")
    window = open_window(qtbot, app_state)
    runs = []
    app_state.writeback.finished.connect(runs.append)
    assert app_state.writeback.start()
    # queued while the first run goes on (it may or may not have read the queue already)
    activities.log_note(store, SEAT_EMAIL, LoggedPerson(later["linkedin_profile_url"]), "zwei")
    assert not app_state.writeback.start(), "never two at once"
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=WAIT_MS)  # the second follows the first
    wait_for_writeback(qtbot, window)
    assert {a.state for a in activities.list_activities(store)} == {"sent"}
    assert sum(run.sent for run in runs) == 2


# logging notes and calls


def test_the_note_and_call_dialogs_check_what_was_entered_and_log(qtbot, setup):
    app_state, connection = setup
    store = app_state.store
    contact = contacts_with_urls(store, 1)[0]
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    choose_seat(qtbot, window)

    qtbot.mouseClick(tab.note_button, Qt.MouseButton.LeftButton)
    note = tab.dialog
    save = note.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isDefault() and note.seat.currentData() == SEAT_EMAIL
    qtbot.keyClicks(note.text, "Interesse an einer Demo im Juni")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.message.isVisible, timeout=WAIT_MS)
    assert note.message.text() == (
        "Say whom it is about: a LinkedIn profile URL, a name or a company."
    )
    assert note.isVisible() and note.text.toPlainText() == "Interesse an einer Demo im Juni"
    qtbot.keyClicks(note.profile_url, contact["linkedin_profile_url"])
    with qtbot.waitSignal(note.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tab.message.text() == "Note logged (Queued)."
    wait_for_writeback(qtbot, window)

    qtbot.mouseClick(tab.call_button, Qt.MouseButton.LeftButton)
    call = tab.dialog
    call.profile_url.setText(contact["linkedin_profile_url"])
    call.duration.setTime(call.duration.time().fromString("0:02:30", "H:mm:ss"))
    call.outcome.setCurrentIndex(call.outcome.findText("Busy"))
    shoot(call, "log-call-dialog")
    with qtbot.waitSignal(call.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(
            call.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    settle(qtbot, window)
    logged = call.logged
    assert (logged.kind, logged.call_duration_s, logged.call_outcome) == ("call", 150, "busy")
    qtbot.waitUntil(
        lambda: {a.state for a in activities.list_activities(store)} == {"sent"}, timeout=WAIT_MS
    )
    wait_for_writeback(qtbot, window)
    kinds = sorted(cell(tab, r, KIND) for r in range(tab.proxy.rowCount()))
    assert kinds == ["Call", "Note"]
    with org_client(connection) as session:
        tasks = org_records(session, "Task", "Id, TaskSubtype", "WhoId", contact["id"])
        notes = org_records(session, "ContentDocumentLink", "Id", "LinkedEntityId", contact["id"])
    call_task = next(t for t in tasks if t["Id"] == logged_record(store, "call"))
    assert call_task["TaskSubtype"] == "Call"
    assert notes, "the note is under Notes & Attachments"


def logged_record(store, kind: str) -> str:
    return next(a.record_id for a in activities.list_activities(store) if a.kind == kind)


def test_the_copy_mode_switch_decides_whether_a_logged_note_waits(qtbot, setup):
    app_state, _connection = setup
    store = app_state.store
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    assert not tab.always_copy.isEnabled(), "all seat holders chosen: no one's switch"
    choose_seat(qtbot, window)
    assert tab.always_copy.isEnabled() and tab.always_copy.isChecked(), "always, by default"
    tab.always_copy.click()
    seat = seats.seat_holders(store)[0].seat
    assert writeback_settings.copy_mode(store, seat.id) is writeback_settings.CopyMode.ASK
    assert tab.message.text() == f"{SEAT_EMAIL}: activities wait for Copy to CRM."
    url = contacts_with_urls(store, 1)[0]["linkedin_profile_url"]
    logged = activities.log_note(store, SEAT_EMAIL, LoggedPerson(url), "wartet")
    assert logged.state == "new"


# the Unresolved activities tab


def test_unresolved_people_are_mapped_in_the_dialog_then_sent(qtbot, setup, tmp_path, monkeypatch):
    app_state, connection = setup
    store = app_state.store
    stranger = STRANGER
    import_messages(store, unresolved_export(tmp_path / "m.csv", WHEN), SEAT_EMAIL)
    window = open_window(qtbot, app_state)
    tab = window.unresolved_tab
    show_tab(qtbot, window, tab)
    assert tab.proxy.rowCount() == 3
    assert tab.count_label.text() == "Unresolved activities: 3"
    reasons = sorted(cell(tab, r, UNRESOLVED_COLUMNS[3]) for r in range(3))
    assert reasons == ["No match", "No match", "No profile URL"]
    shoot(window, "main-unresolved")

    choose(qtbot, window, tab.reason, "no_url")
    assert tab.proxy.rowCount() == 1
    select_rows(tab, [0])
    assert not tab.map_button.isEnabled()
    assert "no LinkedIn profile URL" in tab.map_button.toolTip()
    choose(qtbot, window, tab.reason, "")
    qtbot.keyClicks(tab.filter, "JÜRGEN")
    assert tab.proxy.rowCount() == 2
    assert tab.count_label.text() == "Unresolved activities: 2 of 3 shown"

    exported = tmp_path / "unresolved.csv"  # the system's save dialog is stood in for
    monkeypatch.setattr(
        unresolved_tab_module.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args: (str(exported), "")),
    )
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == f"Exported to {exported}.", timeout=WAIT_MS)
    assert "Jürgen O'Brien\\Smith" in exported.read_text(encoding="utf-8-sig")

    select_rows(tab, [0])
    qtbot.mouseClick(tab.map_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.search_text.text() == "Jürgen O'Brien\\Smith"
    assert dialog.search_button.isDefault()
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.found_label.text()), timeout=WAIT_MS)
    assert dialog.found_label.text() == "No contact, lead or account has that name."
    assert not dialog.message.isVisible(), "quotes and a backslash are just part of a name"
    assert not dialog.map_button.isEnabled()

    target = contacts_with_urls(store, 1)[0]
    dialog.search_text.clear()
    qtbot.keyClicks(dialog.search_text, target["last_name"])
    qtbot.keyClick(dialog.search_text, Qt.Key.Key_Return)  # Enter searches
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT_MS)
    found = [dialog.table.item(r, 0).toolTip() for r in range(dialog.table.rowCount())]
    dialog.table.selectRow(found.index(target["id"]))
    shoot(dialog, "map-dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tab.message.text().endswith("2 activities are queued.")
    tab.filter.clear()
    assert tab.proxy.rowCount() == 1, "the person's activities left the list"

    wait_for_writeback(qtbot, window)
    mapped = [a for a in activities.list_activities(store) if a.person_url == stranger.url]
    assert {a.state for a in mapped} == {"sent"}
    with org_client(connection) as session:
        tasks = org_records(session, "Task", "Id", "WhoId", target["id"])
    assert {a.record_id for a in mapped} <= {t["Id"] for t in tasks}


# 10,000 activities


def test_ten_thousand_activities_are_shown_without_reading_every_row(
    qtbot, setup, tmp_path, monkeypatch
):
    app_state, _connection = setup
    store = app_state.store
    writeback_settings.set_copy_mode(store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
    people = members(contacts_with_urls(store, 50))
    path = write(tmp_path / "big.csv", conversations(SEAT, people, count=10_000))
    imported = import_messages(store, path, SEAT_EMAIL)
    assert imported.added >= 10_000
    cells = []
    real_text = ActivityModel.text
    monkeypatch.setattr(
        ActivityModel, "text", lambda self, a, c: cells.append(a.id) or real_text(self, a, c)
    )
    window = open_window(qtbot, app_state)
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    window.grab()  # painted
    assert tab.proxy.rowCount() == imported.added
    assert tab.count_label.text() == f"Activities: {imported.added:,}"
    assert len(set(cells)) < 200, "only the rows in view are read"
    tab.table.sortByColumn(COLUMNS.index(DATE), Qt.SortOrder.DescendingOrder)  # a header click
    window.grab()
    newest = max(activity.occurred_at for activity in tab.model.activities)
    assert tab.proxy.activity(tab.proxy.index(0, 0)).occurred_at == newest
    assert len(set(cells)) < 400, "sorting reads raw values, not the cells' text"


def test_the_tabs_in_german(qtbot, setup, german):
    app_state, _connection = setup
    url = contacts_with_urls(app_state.store, 1)[0]["linkedin_profile_url"]
    writeback_settings.set_copy_mode(app_state.store, SEAT_EMAIL, writeback_settings.CopyMode.ASK)
    activities.log_call(
        app_state.store, SEAT_EMAIL, LoggedPerson(url), when=WHEN, duration_s=5, outcome="busy"
    )
    window = open_window(qtbot, app_state)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[1:3] == ["&Aktivitäten", "&Nicht zugeordnete Aktivitäten"]
    tab = window.activities_tab
    show_tab(qtbot, window, tab)
    assert cell(tab, 0, KIND) == "Anruf" and cell(tab, 0, STATE) == "Nicht kopiert"
    assert tab.copy_button.text() == "Copy to C&RM", "the guide keeps the button's English name"
    assert window.minimumSizeHint().width() <= 800, "fits an 800 px wide screen, in German too"
    shoot(window, "main-activities-de")
    window.tabs.setCurrentWidget(window.unresolved_tab)
    shoot(window, "main-unresolved-de")

    # the dialogs, and a refusal from below the GUI, in German as well
    qtbot.mouseClick(tab.call_button, Qt.MouseButton.LeftButton)
    call = tab.dialog
    assert call.windowTitle() == "Anruf erfassen"
    assert call.form.labelForField(call.company).text() == "&Unternehmen:"
    assert call.outcome.itemText(call.outcome.findData("left_voicemail")) == (
        "Sprachnachricht hinterlassen"
    )
    qtbot.mouseClick(
        call.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(call.message.isVisible, timeout=WAIT_MS)
    assert call.message.text() == (
        "Geben Sie an, um wen es geht: eine LinkedIn-Profil-URL, einen Namen oder ein Unternehmen."
    )
    call.reject()
