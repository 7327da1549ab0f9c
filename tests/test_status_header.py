"""The status header says what the connection state machine says, in the user's locale."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from navsync_desktop.engine.status import StatusReport
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState

SYNCED = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_locale():
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(QLocale.c())


def header_for(qtbot, record, last_synced=None):
    header = StatusHeader()
    qtbot.addWidget(header)
    header.show_status(StatusReport(record, last_synced, {}))
    return header


def test_connected_with_a_last_sync(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.CONNECTED, org_id="00D1", org_name="Northwind", username="i@n.example"
    )
    header = header_for(qtbot, record, SYNCED)
    # US English: month/day/four-digit year, 12-hour clock
    local = SYNCED.astimezone()
    expected = f"{local.month}/{local.day}/{local.year} {local.strftime('%I:%M %p').lstrip('0')}"
    # (CLDR puts a narrow no-break space before AM/PM)
    assert (
        header.text().replace("\u202f", " ") == f"Connected to Salesforce · Last synced {expected}"
    )
    assert header.org_label.text() == "Northwind · i@n.example"


def test_dates_are_written_as_the_locale_writes_them(qtbot):
    QLocale.setDefault(QLocale("de_DE"))
    record = ConnectionRecord(state=ConnectionState.CONNECTED, org_id="00D1")
    header = header_for(qtbot, record, SYNCED)
    local = SYNCED.astimezone()
    assert header.last_synced_label.text().endswith(local.strftime("%d.%m.%Y %H:%M"))


def test_reconnect_required_names_the_deadline(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.RECONNECT_REQUIRED,
        org_id="00D1",
        reconnect_by="2026-11-29T09:00:00+00:00",
    )
    deadline = datetime(2026, 11, 29, 9, 0, tzinfo=UTC).astimezone()
    assert (
        header_for(qtbot, record)
        .text()
        .startswith(
            f"Reconnect required — reconnect by {deadline.month}/{deadline.day}/{deadline.year} "
        )
    )


def test_disconnected_and_connecting(qtbot):
    assert header_for(qtbot, ConnectionRecord()).text() == "Disconnected · Last synced —"
    connecting = ConnectionRecord(state=ConnectionState.CONNECTING)
    assert header_for(qtbot, connecting).text().startswith("Connecting…")


LONG_ORG = "Northwind Handelsgesellschaft für Industriebedarf und Logistik Demo GmbH & Co. KG"


def test_a_long_org_name_is_shortened_with_an_ellipsis_and_kept_whole_in_the_tooltip(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.CONNECTED,
        org_id="00D1",
        org_name=LONG_ORG,
        username="integration@northwind-demo.example",
    )
    header = header_for(qtbot, record, SYNCED)
    header.resize(640, header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    shown = header.org_label.displayed_text()
    assert header.is_wrapped(), "at 640 px the org goes on a line of its own"
    assert "…" in shown and shown.startswith("Northwind")
    assert shown.endswith("integration@northwind-demo.example")
    assert header.org_label.toolTip() == f"{LONG_ORG} · integration@northwind-demo.example"
    assert header.org_label.isVisible() and header.org_label.width() > 300


def test_a_short_org_name_shares_the_line_when_there_is_room(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.CONNECTED, org_id="00D1", org_name="Northwind", username="i@n.example"
    )
    header = header_for(qtbot, record, SYNCED)
    header.resize(1000, header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    assert not header.is_wrapped()
    assert header.org_label.displayed_text() == "Northwind · i@n.example"
    assert header.org_label.toolTip() == ""


def test_an_unreachable_org_shows_in_the_header_until_a_job_gets_through(qtbot):
    from navsync_desktop import paths
    from navsync_desktop.engine.connection import ConnectionManager
    from navsync_desktop.gui.app_state import AppState
    from navsync_desktop.gui.worker import run_job
    from navsync_desktop.i18n import QT_TRANSLATE_NOOP
    from navsync_desktop.salesforce.errors import SalesforceUnavailable
    from navsync_desktop.store import Store

    def unreachable(_report):
        raise SalesforceUnavailable(
            QT_TRANSLATE_NOOP("Salesforce", "Salesforce at {instance} could not be reached").format(
                instance="https://acme.my.salesforce.com"
            )
        )

    with Store.open(paths.store_path()) as store, ConnectionManager(store) as manager:
        app_state = AppState(store, manager)
        header = StatusHeader()
        qtbot.addWidget(header)
        app_state.status_changed.connect(header.show_status)
        app_state.watch(run_job(unreachable, header))
        qtbot.waitUntil(lambda: "could not be reached" in header.text(), timeout=10_000)
        assert "acme.my.salesforce.com could not be reached" in header.problem_label.text()
        app_state.watch(run_job(lambda _report: "fine", header))
        qtbot.waitUntil(lambda: "could not be reached" not in header.text(), timeout=10_000)


def test_a_longer_state_line_moves_the_org_to_a_line_of_its_own(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.CONNECTED,
        org_id="00D1",
        org_name="Northwind Demo GmbH",
        username="integration@northwind-demo.example",
    )
    header = header_for(qtbot, record, SYNCED)
    header.resize(900, header.sizeHint().height())
    header.show()
    qtbot.waitExposed(header)
    assert not header.is_wrapped(), "room for both at first"
    line = QT_TRANSLATE_NOOP(
        "Writeback", "Writing back: {sent} sent, {failed} failed, {queued} to go"
    )
    header.show_writeback_line(
        line.format(sent=Number(10518), failed=Number(0), queued=Number(200))
    )
    qtbot.waitUntil(lambda: header.state_label.displayed_text() == header.state_label.text())
    assert header.is_wrapped(), "the state keeps its line; the org goes under it"
    assert header.state_label.text() == "Writing back: 10,518 sent, 0 failed, 200 to go"
