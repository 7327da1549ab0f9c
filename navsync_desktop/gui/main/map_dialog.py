"""Map… on the Unresolved activities tab: search the CRM's contacts, leads and accounts (the
synced ones, and the org's own while connected) and pick the record a LinkedIn person is.
What is typed is only ever a name: quotes, backslashes and wildcards find themselves."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import unresolved
from navsync_desktop.engine.activities import Activity
from navsync_desktop.engine.unresolved import CrmRecord
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, format_number
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store.connection import ConnectionState


class MapPersonDialog(QDialog):
    def __init__(
        self, app_state: AppState, activity: Activity, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.activity = activity
        self.records: list[CrmRecord] = []
        self.queued = 0  # activities queued by the mapping
        self.setWindowTitle(self.tr("Map a LinkedIn person to a CRM record"))
        who = activity.person_name or activity.person_url or ""
        about = QLabel(
            self.tr("Which contact, lead or account is {person} ({url})?").format(
                person=who, url=activity.person_url
            ),
            self,
        )
        about.setWordWrap(True)
        self.search_text = QLineEdit(activity.person_name or "", self)
        self.search_text.setPlaceholderText(self.tr("A name or an email address"))
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search_text)
        self.search_button = QPushButton(self.tr("S&earch"), self)
        self.search_button.clicked.connect(self.search)
        # Enter searches while a name is typed, and maps once a record is chosen from the list
        self.search_text.textEdited.connect(lambda _text: self.search_button.setDefault(True))
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search_text, 1)
        row.addWidget(self.search_button)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("records")
        self.table.setAccessibleName(self.tr("CRM records"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.map_chosen())
        self.found_label = QLabel(self)
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.map_button = self.buttons.addButton(
            self.tr("&Map"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.map_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.found_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_buttons()
        self.search_button.setDefault(True)
        self.resize(620, 440)

    def _connected(self) -> bool:
        state = self.app_state.status.connection.state
        return state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)

    def _run(self, work, succeeded) -> None:
        """``work(store, session)`` on a worker, with a session of the org while connected
        (otherwise the synced records alone)."""
        store, manager, online = self.app_state.store, self.app_state.manager, self._connected()

        def run(_report):
            if not online:
                return work(store, None)
            with manager.open_session() as session:
                return work(store, session)

        self.search_button.setEnabled(False)
        self.map_button.setEnabled(False)
        job = self.app_state.watch(run_job(run, self))
        job.succeeded.connect(succeeded)
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(self._done)

    def _done(self) -> None:
        self.search_button.setEnabled(True)
        self._update_buttons()

    def search(self) -> None:
        text = self.search_text.text()
        self.message.hide()
        self._run(
            lambda store, session: unresolved.search_records(store, text, session), self._found
        )

    def _found(self, records: list[CrmRecord]) -> None:
        self.records = records
        kinds = {
            "Account": self.tr("Account"),
            "Contact": self.tr("Contact"),
            "Lead": self.tr("Lead"),
        }
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            texts = (record.name, kinds.get(record.sobject, record.sobject), record.detail or "")
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self.table.item(row, 0).setToolTip(record.id)
        self.found_label.setText(
            self.tr("{count} records found").format(count=format_number(len(records)))
            if records
            else self.tr("No contact, lead or account has that name.")
        )
        if records:
            self.table.selectRow(0)
            self.table.setFocus()
            self.map_button.setDefault(True)

    def chosen(self) -> CrmRecord | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.records[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        self.map_button.setEnabled(self.chosen() is not None)

    def map_chosen(self) -> None:
        record = self.chosen()
        if record is None:
            return
        url = self.activity.person_url
        self._run(
            lambda store, session: unresolved.map_person(store, url, record.id, session),
            self._mapped,
        )

    def _mapped(self, queued: int) -> None:
        self.queued = queued
        self.accept()
