"""The Activities tab: a seat holder's InMails, messages, notes and calls and where each stands
in the write-back (not copied, queued, sent, failed, unresolved, skipped).

Copy to CRM (the selection) and Copy all match the activities and queue them, then the
write-back runs; both are greyed, with the reason as their tooltip, while write-back or the
activity's kind is off. A sent activity shows the Salesforce record it became (View in CRM
opens it); a failed one Salesforce's message and what to do. Notes and calls are logged here,
and each seat holder's copy mode ("always copy", or wait for Copy to CRM) is switched here.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import activities, writeback_settings
from navsync_desktop.engine.activities import Activity
from navsync_desktop.engine.writeback import WritebackResult
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error, format_number, translate
from navsync_desktop.gui.main.activity_model import (
    COMPANY,
    DATE,
    KIND,
    PERSON,
    RECORD,
    STATE,
)
from navsync_desktop.gui.main.activity_table import ActivityTable
from navsync_desktop.gui.main.log_dialogs import LogCallDialog, LogNoteDialog
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import activities as stored
from navsync_desktop.store import seats as stored_seats

COLUMNS = (KIND, DATE, PERSON, COMPANY, STATE, RECORD)
ALL = ""  # the choosers' "all" entry


def open_in_browser(url: str) -> None:
    """The system browser (one place, so the tests can stand in for it)."""
    QDesktopServices.openUrl(QUrl(url))


class ActivitiesTab(QWidget):
    changed = Signal()  # activities were added, copied or sent: other views may refresh

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.dialog: LogNoteDialog | LogCallDialog | None = None
        self._busy = False

        self.seat = QComboBox(self)
        self.seat.setAccessibleName(self.tr("Seat holder"))
        # as wide as the row allows, not as its longest entry demands
        self.seat.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.seat.setMinimumContentsLength(16)
        self.state = QComboBox(self)
        self.state.setAccessibleName(self.tr("State"))
        self.state.addItem(self.tr("All states"), ALL)
        for state, label in (
            ("new", self.tr("Not copied")),
            ("queued", self.tr("Queued")),
            ("sent", self.tr("Sent")),
            ("failed", self.tr("Failed")),
            ("unresolved", self.tr("Unresolved")),
            ("skipped", self.tr("Skipped")),
        ):
            self.state.addItem(label, state)
        seat_label = QLabel(self.tr("Seat hol&der:"), self)
        seat_label.setBuddy(self.seat)
        state_label = QLabel(self.tr("&State:"), self)
        state_label.setBuddy(self.state)
        self.always_copy = QCheckBox(self.tr("Al&ways copy this seat holder's activities"), self)
        self.always_copy.setToolTip(
            self.tr(
                "On: imported and logged activities go to the CRM at once. Off: they wait for "
                "Copy to CRM."
            )
        )
        self.always_copy.toggled.connect(self._copy_mode_switched)

        self.table = ActivityTable(
            app_state.store,
            COLUMNS,
            {KIND: 90, DATE: 130, PERSON: 170, COMPANY: 150, STATE: 100},
            self,
            several=True,
        )
        self.table.setObjectName("activities")
        self.table.setAccessibleName(self.tr("Activities"))
        self.model, self.proxy, self.loader = (
            self.table.activities,
            self.table.proxy,
            self.table.loader,
        )
        self.loader.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.view_in_crm())

        self.copy_button = QPushButton(self.tr("Copy to C&RM"), self)
        self.copy_button.clicked.connect(self.copy_selected)
        self.copy_all_button = QPushButton(self.tr("Cop&y all"), self)
        self.copy_all_button.clicked.connect(self.copy_all)
        self.view_button = QPushButton(self.tr("&View in CRM"), self)
        self.view_button.clicked.connect(self.view_in_crm)
        self.note_button = QPushButton(self.tr("Lo&g note…"), self)
        self.note_button.clicked.connect(self.log_note)
        self.call_button = QPushButton(self.tr("Log &call…"), self)
        self.call_button.clicked.connect(self.log_call)
        self.stop_button = QPushButton(self.tr("Stop write-&back"), self)
        self.stop_button.setToolTip(
            self.tr("Stops after the batch being sent; the rest stays queued.")
        )
        self.stop_button.clicked.connect(app_state.writeback.cancel)
        self.count_label = QLabel(self)
        # the selected activity's whole message (a failed one: Salesforce's words and the fix)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        self.message = MessageLine(self)  # what the admin's last action came to
        self.writeback_line = MessageLine(self)  # how the latest write-back ended
        self.writeback_line.setObjectName("writeback-outcome")

        # three short rows rather than two long ones: the window fits 800 px, German too
        choosers = QHBoxLayout()
        choosers.addWidget(seat_label)
        choosers.addWidget(self.seat, 1)
        choosers.addWidget(state_label)
        choosers.addWidget(self.state)
        seat_row = QHBoxLayout()
        seat_row.addWidget(self.always_copy)
        seat_row.addStretch(1)
        seat_row.addWidget(self.note_button)
        seat_row.addWidget(self.call_button)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.copy_all_button, self.view_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addLayout(seat_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.count_label)
        layout.addWidget(self.writeback_line)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        order = [
            self.seat,
            self.state,
            self.always_copy,
            self.note_button,
            self.call_button,
            self.table,
            self.copy_button,
            self.copy_all_button,
            self.view_button,
            self.stop_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self.loader.loaded.connect(self._show)
        self.seat.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        app_state.status_changed.connect(self._update_buttons)
        app_state.writeback.running_changed.connect(self._update_buttons)
        app_state.writeback.finished.connect(self._written_back)
        self.refresh_seats()

    # showing

    def refresh_seats(self) -> None:
        """The seat chooser (seat holders may have been added), then the list."""
        chosen = self.seat_email()
        self.seat.blockSignals(True)
        self.seat.clear()
        self.seat.addItem(self.tr("All seat holders"), ALL)
        for seat in stored_seats.all_seats(self.app_state.store):
            self.seat.addItem(f"{seat.name} <{seat.email}>", seat.email)
        self.seat.setCurrentIndex(max(self.seat.findData(chosen or ALL), 0))
        self.seat.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Reads the list again (on a worker; ``loader.loaded`` once it is shown)."""
        seat, state = self.seat_email(), self.state.currentData() or None
        self._show_copy_mode()
        self.loader.load(lambda store: activities.list_activities(store, seat=seat, state=state))

    def _show(self, found: list[Activity]) -> None:
        selected = set(self.selected_ids())
        self.model.set_activities(found)
        self.count_label.setText(
            self.tr("Activities: {count}").format(count=format_number(len(found)))
        )
        if selected:
            self._select(selected)
        self._update_buttons()

    def _select(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row, activity in enumerate(self.model.activities):
            if activity.id in ids:
                selection.select(self.proxy.mapFromSource(self.model.index(row, 0)), flags)

    def seat_email(self) -> str | None:
        return self.seat.currentData() or None

    def selected(self) -> list[Activity]:
        return self.table.selected()

    def selected_ids(self) -> list[int]:
        return [activity.id for activity in self.selected()]

    def _show_copy_mode(self) -> None:
        email = self.seat_email()
        seat = stored_seats.find(self.app_state.store, email) if email else None
        self.always_copy.blockSignals(True)
        if seat is None:
            self.always_copy.setChecked(False)
        else:
            mode = writeback_settings.copy_mode(self.app_state.store, seat.id)
            self.always_copy.setChecked(mode is writeback_settings.CopyMode.ALWAYS)
        self.always_copy.setEnabled(seat is not None)
        self.always_copy.blockSignals(False)

    def _update_buttons(self, *_signal_args) -> None:
        store = self.app_state.store
        refusal = writeback_settings.refusal(store)
        chosen = self.selected()
        copy_reason = refusal
        if copy_reason is None and chosen:
            kinds = dict.fromkeys(activity.kind for activity in chosen)
            reasons = [writeback_settings.refusal(store, kind) for kind in kinds]
            if all(reasons):  # every chosen kind is off: say the first one
                copy_reason = reasons[0]
        copy_tip = self.tr("Match the selected activities and write them to Salesforce")
        self.copy_button.setEnabled(copy_reason is None and bool(chosen) and not self._busy)
        self.copy_button.setToolTip(translate(copy_reason) if copy_reason else copy_tip)
        self.copy_all_button.setEnabled(refusal is None and not self._busy)
        self.copy_all_button.setToolTip(
            translate(refusal)
            if refusal
            else self.tr("Match every activity not copied yet and write them to Salesforce")
        )
        sent = len(chosen) == 1 and chosen[0].state == "sent" and chosen[0].record_id
        self.view_button.setEnabled(bool(sent))
        self.view_button.setToolTip(
            self.tr("Opens the Salesforce record in the browser")
            if sent
            else self.tr("Select one sent activity")
        )
        self.stop_button.setEnabled(self.app_state.writeback.running)
        self._show_detail(chosen)

    def _show_detail(self, chosen: list[Activity]) -> None:
        # a sent row's record is in its row already; a message or a reason may be long
        one = chosen[0] if len(chosen) == 1 else None
        detail = self.model.outcome(one) if one is not None and one.state != "sent" else ""
        failed = len(chosen) == 1 and chosen[0].state == "failed"
        self.detail.setStyleSheet(tone_style(Tone.ERROR) if failed else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    # Copy to CRM and the write-back

    def copy_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._copy(lambda store: activities.copy_to_crm(store, ids))

    def copy_all(self) -> None:
        seat = self.seat_email()
        self._copy(lambda store: activities.copy_all(store, seat=seat))

    def _copy(self, work) -> None:
        store = self.app_state.store
        self._busy = True
        self._update_buttons()
        job = run_job(lambda _report: work(store), self)
        job.succeeded.connect(self._copied)
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(self._copy_done)

    def _copied(self, result: activities.CopyResult) -> None:
        text = translate(result.summary())
        if result.refused:
            reasons = dict.fromkeys(translate(why) for _id, why in result.refused)
            text = f"{text} {' '.join(reasons)}"
        self.message.show_done(text)
        # what was queued now, and what waits from before (e.g. the org was unreachable)
        if stored.counts_by_state(self.app_state.store)["queued"]:
            self.app_state.writeback.start()

    def _copy_done(self) -> None:
        self._busy = False
        self.refresh()
        self.changed.emit()

    def _written_back(self, outcome: WritebackResult | Exception) -> None:
        if isinstance(outcome, WritebackResult):
            text = self.tr(
                "Write-back: {sent} sent, {failed} failed; {unresolved} unresolved, {queued} "
                "still queued."
            ).format(
                sent=format_number(outcome.sent),
                failed=format_number(outcome.failed),
                unresolved=format_number(outcome.unresolved),
                queued=format_number(outcome.queued),
            )
            if outcome.error is not None:
                self.writeback_line.show_error(f"{text} {translate(outcome.error)}")
            elif outcome.failed:
                self.writeback_line.show_error(text)
            else:
                self.writeback_line.show_done(text)
        else:
            self.writeback_line.show_error(describe_error(outcome))
        self.refresh()
        self.changed.emit()

    def view_in_crm(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].state != "sent" or not chosen[0].record_id:
            return
        activity, manager = chosen[0], self.app_state.manager
        job = run_job(
            lambda _report: manager.open_record_url(activity.record_sobject, activity.record_id),
            self,
        )
        job.succeeded.connect(open_in_browser)
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))

    # notes, calls, the copy mode

    def log_note(self) -> None:
        self._open_log_dialog(LogNoteDialog(self.app_state, self.seat_email(), self))

    def log_call(self) -> None:
        self._open_log_dialog(LogCallDialog(self.app_state, self.seat_email(), self))

    def _open_log_dialog(self, dialog: LogNoteDialog | LogCallDialog) -> None:
        dialog.accepted.connect(lambda: self.activity_logged(dialog.logged))
        self.dialog = dialog
        dialog.open()

    def activity_logged(self, activity: Activity | None) -> None:
        if activity is None:
            return
        kind = self.model.kinds.get(activity.kind, activity.kind)
        state = self.model.states.get(activity.state, activity.state)
        self.message.show_done(self.tr("{kind} logged ({state}).").format(kind=kind, state=state))
        self.refresh()
        self.changed.emit()
        if activity.state == "queued":
            self.app_state.writeback.start_if_possible()

    def _copy_mode_switched(self, on: bool) -> None:
        email = self.seat_email()
        if email is None:
            return
        mode = writeback_settings.CopyMode.ALWAYS if on else writeback_settings.CopyMode.ASK
        writeback_settings.set_copy_mode(self.app_state.store, email, mode)
        self.message.show_done(
            (
                self.tr("{email}: activities go to the CRM at once.")
                if on
                else self.tr("{email}: activities wait for Copy to CRM.")
            ).format(email=email)
        )
