"""The status header says what the connection state machine says."""

from datetime import UTC, datetime

from navsync_desktop.engine.status import StatusReport
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.store.connection import ConnectionRecord, ConnectionState


def header_for(qtbot, record, last_synced=None):
    header = StatusHeader()
    qtbot.addWidget(header)
    header.show_status(StatusReport(record, last_synced, {}))
    return header


def test_connected_with_a_last_sync(qtbot):
    synced = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    record = ConnectionRecord(
        state=ConnectionState.CONNECTED, org_id="00D1", org_name="Northwind", username="i@n.example"
    )
    header = header_for(qtbot, record, synced)
    local = synced.astimezone().strftime("%Y-%m-%d %H:%M")
    assert header.text() == f"Connected to Salesforce · Last synced {local}"
    assert header.org_label.text() == "Northwind · i@n.example"


def test_reconnect_required_names_the_deadline(qtbot):
    record = ConnectionRecord(
        state=ConnectionState.RECONNECT_REQUIRED,
        org_id="00D1",
        reconnect_by="2026-11-29T09:00:00+00:00",
    )
    deadline = datetime(2026, 11, 29, 9, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert header_for(qtbot, record).text() == (
        f"Reconnect required — reconnect by {deadline} · Last synced —"
    )


def test_disconnected_and_connecting(qtbot):
    assert header_for(qtbot, ConnectionRecord()).text() == "Disconnected · Last synced —"
    connecting = ConnectionRecord(state=ConnectionState.CONNECTING)
    assert header_for(qtbot, connecting).text().startswith("Connecting…")
