"""File > Import LinkedIn messages…: a seat holder's ``messages.csv`` (LinkedIn's data export),
imported as a job with progress. Only seat holders with a LinkedIn profile URL can be chosen
(sent and received messages are told apart by it); the dialog names the others and why.

A file the import refuses (not UTF-8, an unclosed quote, a missing column) is said in one
line naming the line of the file; nothing of it was kept, and the dialog stays open.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine.linkedin_import import ImportResult, import_messages
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, format_number
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import seats as stored_seats


class ImportMessagesDialog(QDialog):
    def __init__(
        self, app_state: AppState, seat_email: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.result: ImportResult | None = None
        self._cancel: threading.Event | None = None
        self.setWindowTitle(self.tr("Import LinkedIn messages"))
        intro = QLabel(
            self.tr(
                "Choose messages.csv from the seat holder's LinkedIn data export (Settings & "
                "Privacy > Data privacy > Get a copy of your data)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText("messages.csv")
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        self.seat = QComboBox(self)
        self.missing = QLabel(self)
        self.missing.setObjectName("missing-seats")
        self.missing.setWordWrap(True)
        self._fill_seats(seat_email)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # the number of messages is known only at the end
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel(self)
        self.progress_label.hide()
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)  # a row of two widgets gets no buddy by itself
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Seat holder:"), self.seat)
        form.addRow("", self.missing)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _fill_seats(self, preferred: str | None) -> None:
        without_url = []
        for seat in stored_seats.all_seats(self.app_state.store):
            if seat.profile_url:
                self.seat.addItem(f"{seat.name} <{seat.email}>", seat.email)
            else:
                without_url.append(seat.name or seat.email)
        if preferred is not None and self.seat.findData(preferred) >= 0:
            self.seat.setCurrentIndex(self.seat.findData(preferred))
        if self.seat.count() == 0:
            self.missing.setText(
                self.tr(
                    "No seat holder has a LinkedIn profile URL. Add seat holders with their "
                    "profile URL on the Seats tab first: it tells sent and received messages apart."
                )
            )
        elif without_url:
            self.missing.setText(
                self.tr(
                    "Not listed, as they have no LinkedIn profile URL (it tells sent and received "
                    "messages apart): {names}"
                ).format(names=", ".join(without_url))
            )
        self.missing.setVisible(bool(self.missing.text()))

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import LinkedIn messages"),
            self.path.text() or str(Path.home()),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)

    # the import

    def start(self) -> None:
        text, email = self.path.text().strip(), self.seat.currentData()
        if not text:
            self.message.show_error(self.tr("Choose the file to import first."))
            return
        if email is None:
            self.message.show_error(self.tr("Choose a seat holder with a LinkedIn profile URL."))
            return
        path = Path(text).expanduser()
        if not path.is_file():
            self.message.show_error(self.tr("{file} is not a file.").format(file=text))
            return
        store, cancel = self.app_state.store, threading.Event()
        self._cancel = cancel
        self._busy(True)
        self.message.hide()
        job = run_job(
            lambda report: import_messages(store, path, email, progress=report, cancel=cancel),
            self,
        )
        job.progress.connect(self._read_so_far)
        job.succeeded.connect(self._imported)
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(lambda: self._busy(False))

    def _read_so_far(self, rows: int) -> None:
        self.progress_label.setText(
            self.tr("{rows} messages read…").format(rows=format_number(rows))
        )

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.accept()

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._cancel = None
        for widget in (self.path, self.browse_button, self.seat, self.import_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(self.tr("Reading the file…") if busy else "")

    def reject(self) -> None:
        """Cancel (or Escape) stops a running import, which keeps nothing; otherwise it
        closes the dialog."""
        if self._cancel is not None:
            self._cancel.set()
            return
        super().reject()
