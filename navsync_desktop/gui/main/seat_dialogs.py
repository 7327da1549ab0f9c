"""Adding a seat holder by hand, and looking at a seat holder's two saved lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import seats
from navsync_desktop.engine.autosave import SavedLists, SavedRecord
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, translate
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job


class AddSeatDialog(QDialog):
    """The seat is added on a worker (its saved lists are computed too); a bad entry is said
    in one line and the dialog stays open with what was typed."""

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.setWindowTitle(self.tr("Add a seat holder"))
        self.email = QLineEdit(self)
        self.email.setPlaceholderText("name@example.com")
        self.name = QLineEdit(self)
        self.seat_type = QComboBox(self)
        for seat_type, label in seats.SEAT_TYPE_LABELS.items():
            self.seat_type.addItem(translate(label), seat_type.value)
        self.seat_type.setCurrentIndex(self.seat_type.findData(seats.SeatType.TEAM_MEMBER.value))
        self.profile_url = QLineEdit(self)
        self.profile_url.setPlaceholderText("https://www.linkedin.com/in/…")
        self.sync = QCheckBox(self.tr("S&ync this seat holder with the CRM"), self)
        self.sync.setChecked(True)
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Seat &type:"), self.seat_type)
        form.addRow(self.tr("&LinkedIn profile URL:"), self.profile_url)
        form.addRow(self.sync)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def add(self) -> None:
        store = self.app_state.store
        values = {
            "email": self.email.text(),
            "name": self.name.text(),
            "seat_type": self.seat_type.currentData(),
            "profile_url": self.profile_url.text(),
            "sync": self.sync.isChecked(),
        }
        self.buttons.setEnabled(False)
        job = run_job(lambda _report: seats.add_seat(store, **values), self)
        job.succeeded.connect(lambda _seat: self.accept())
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(lambda: self.buttons.setEnabled(True))


class SavedListsDialog(QDialog):
    """ "My CRM Accounts" and "My CRM Leads and Contacts" of one seat holder."""

    def __init__(self, lists: SavedLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        seat = lists.seat
        self.setWindowTitle(self.tr("Saved lists of {name}").format(name=seat.name))
        self.tabs = QTabWidget(self)
        self.accounts = self._table(lists.accounts)
        self.people = self._table(lists.leads_and_contacts)
        self.tabs.addTab(
            self.accounts, self.tr("My CRM Accounts ({count})").format(count=len(lists.accounts))
        )
        self.tabs.addTab(
            self.people,
            self.tr("My CRM Leads and Contacts ({count})").format(
                count=len(lists.leads_and_contacts)
            ),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _table(self, records: list[SavedRecord]) -> QTableWidget:
        table = QTableWidget(len(records), 3, self)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Details")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)  # Tab moves on to Close; the arrow keys move inside
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        kinds = {
            "Account": self.tr("Account"),
            "Contact": self.tr("Contact"),
            "Lead": self.tr("Lead"),
        }
        for row, record in enumerate(records):
            texts = (record.name or "", kinds.get(record.sobject, record.sobject), record.detail)
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text or ""))
            table.item(row, 0).setToolTip(record.id)
        table.setAccessibleName(self.tr("Records"))
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table
