"""The Seats tab: Sales Navigator's seat holders, their sync switch, their Salesforce User (or
"Not matched") and their two auto-saved lists; adding seats by hand, from a CSV file, or, on
the demo org, its sales reps in one click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import autosave, crm_settings, seats
from navsync_desktop.engine.seats import SeatHolder
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_colour
from navsync_desktop.gui.i18n import describe_error, format_number, translate
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.main.seat_dialogs import AddSeatDialog, SavedListsDialog
from navsync_desktop.gui.worker import run_job

(NAME, EMAIL, SEAT_TYPE, SYNC, USER, ACCOUNTS, PEOPLE) = range(7)


class SeatsTab(QWidget):
    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.holders: list[SeatHolder] = []
        self.dialog: AddSeatDialog | SavedListsDialog | None = None
        self.auto_sync_label = QLabel(self)
        self.auto_sync_label.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("seats")
        self.table.setAccessibleName(self.tr("Seat holders"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Email"),
                self.tr("Seat type"),
                self.tr("Sync"),
                self.tr("Salesforce User"),
                self.tr("My CRM Accounts"),
                self.tr("My CRM Leads and Contacts"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move in the table
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # narrow windows scroll; no column is squeezed
        self.table.itemChanged.connect(self._switch_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_saved_lists())

        self.add_button = QPushButton(self.tr("&Add seat holder…"), self)
        self.add_button.clicked.connect(self.add_seat)
        self.import_button = QPushButton(self.tr("&Import CSV…"), self)
        self.import_button.setToolTip(
            self.tr("Columns: email, name, seat type, profile url, sync (comma or semicolon)")
        )
        self.import_button.clicked.connect(self.choose_csv)
        self.demo_button = QPushButton(self.tr("Add the demo org's sales &reps"), self)
        self.demo_button.setToolTip(
            self.tr("The demo org's users who own accounts, opportunities or leads")
        )
        self.demo_button.clicked.connect(self.add_demo_reps)
        self.lists_button = QPushButton(self.tr("Show saved li&sts…"), self)
        self.lists_button.clicked.connect(self.show_saved_lists)
        self.message = MessageLine(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        above = QHBoxLayout()  # what concerns the table's rows, above it
        above.addWidget(self.auto_sync_label, 1)
        above.addWidget(self.lists_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(above)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        # in reading order: the button above the table first, then the table, then those below
        for before, after in zip(
            (self.lists_button, self.table, self.add_button, self.import_button),
            (self.table, self.add_button, self.import_button, self.demo_button),
            strict=True,
        ):
            QWidget.setTabOrder(before, after)
        self._busy = False
        app_state.status_changed.connect(self._update_buttons)
        self.refresh()

    # showing

    def refresh(self) -> None:
        store = self.app_state.store
        all_synced = crm_settings.auto_sync_all_seats(store)
        self.auto_sync_label.setText(
            self.tr(
                "Auto sync all seat holders is Yes: every seat holder is synced. To choose seat "
                "by seat, answer No on the CRM settings tab."
            )
            if all_synced
            else self.tr(
                "Auto sync all seat holders is No: each seat holder's Sync switch decides."
            )
        )
        self.holders = seats.seat_holders(store)
        selected = self.selected_email()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.holders))
        for row, holder in enumerate(self.holders):
            self._fill_row(row, holder, all_synced)
        self.table.blockSignals(False)
        if selected is not None:
            self.select(selected)
        self._update_buttons()

    def _fill_row(self, row: int, holder: SeatHolder, all_synced: bool) -> None:
        seat = holder.seat
        seat_type = translate(seats.SEAT_TYPE_LABELS[seats.SeatType(seat.seat_type)])
        if holder.matched:
            user = holder.user_name or holder.user_id
            if not holder.user_active:
                user = self.tr("{user} (inactive)").format(user=user)
        else:
            user = translate(seats.NOT_MATCHED)
        texts = {
            NAME: seat.name,
            EMAIL: seat.email,
            SEAT_TYPE: seat_type,
            USER: user,
            ACCOUNTS: format_number(holder.accounts),
            PEOPLE: format_number(holder.leads_and_contacts),
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            if column in (ACCOUNTS, PEOPLE):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        if not holder.matched:
            self.table.item(row, USER).setForeground(
                tone_colour(Tone.WARNING, self.table.palette())
            )
            self.table.item(row, USER).setToolTip(
                self.tr("No Salesforce User has the email {email}").format(email=seat.email)
            )
        switch = QTableWidgetItem(self.tr("On") if holder.synced else self.tr("Off"))
        switch.setCheckState(Qt.CheckState.Checked if holder.synced else Qt.CheckState.Unchecked)
        if all_synced:  # the switch is not used: shown, greyed, and why
            switch.setFlags(Qt.ItemFlag.ItemIsSelectable)
            switch.setToolTip(
                self.tr(
                    "Auto sync all seat holders is Yes, so every seat holder is synced. Answer No "
                    "on the CRM settings tab to switch seat holders on or off one by one."
                )
            )
        else:
            switch.setFlags(
                Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            switch.setToolTip(self.tr("Sync this seat holder with the CRM"))
        self.table.setItem(row, SYNC, switch)

    def selected_email(self) -> str | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self.holders[rows.pop()].seat.email

    def select(self, email: str) -> None:
        for row, holder in enumerate(self.holders):
            if holder.seat.email.lower() == email.lower():
                self.table.selectRow(row)

    def _update_buttons(self, *_signal_args) -> None:
        connection = self.app_state.status.connection
        self.demo_button.setVisible(connection.is_demo and bool(connection.org_id))
        for button in (self.add_button, self.import_button, self.demo_button):
            button.setEnabled(not self._busy)
        self.lists_button.setEnabled(self.selected_email() is not None)

    # changing (on a worker: the saved lists are recomputed with every change)

    def _change(self, work, done_text) -> None:
        store = self.app_state.store
        self._busy = True
        self._update_buttons()
        job = run_job(lambda _report: work(store), self)
        job.succeeded.connect(lambda result: self.message.show_done(done_text(result)))
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(self._changed)

    def _changed(self) -> None:
        self._busy = False
        self.refresh()

    def _switch_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != SYNC:
            return
        holder = self.holders[item.row()]
        on = item.checkState() == Qt.CheckState.Checked
        email, name = holder.seat.email, holder.seat.name
        self._change(
            lambda store: seats.set_sync(store, email, on),
            lambda _result: (
                self.tr("{name} is synced now.") if on else self.tr("{name} is not synced now.")
            ).format(name=name),
        )

    def add_seat(self) -> None:
        dialog = AddSeatDialog(self.app_state, self)
        dialog.accepted.connect(self._seat_added)
        self.dialog = dialog
        dialog.open()

    def _seat_added(self) -> None:
        email = self.dialog.email.text().strip()
        self.message.show_done(self.tr("{email} was added.").format(email=email))
        self.refresh()
        self.select(email)

    def choose_csv(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import seat holders"),
            str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if chosen:
            self.import_csv(Path(chosen))

    def import_csv(self, path: Path) -> None:
        self._change(
            lambda store: seats.import_csv(store, path),
            lambda result: self.tr("{file}: {added} added, {updated} updated.").format(
                file=path.name,
                added=format_number(result.added),
                updated=format_number(result.updated),
            ),
        )

    def add_demo_reps(self) -> None:
        def added(result) -> str:
            if result.added:
                return self.tr("{count} sales reps of the demo org were added.").format(
                    count=format_number(result.added)
                )
            return self.tr(
                "No sales reps were added: they are seat holders already, or the CRM data has "
                "not been synced yet."
            )

        self._change(seats.add_sales_reps, added)

    def show_saved_lists(self) -> None:
        email = self.selected_email()
        if email is None:
            return
        found = autosave.saved_lists(self.app_state.store, email)
        if not found:
            return
        self.dialog = SavedListsDialog(found[0], self)
        self.dialog.open()
