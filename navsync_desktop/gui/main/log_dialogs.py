"""Logging a note or a call by hand, for a person (LinkedIn profile URL, name, company) and a
seat holder. The engine checks what was entered; what it refuses is said in the dialog in one
line, and the dialog keeps what was typed."""

from __future__ import annotations

from datetime import UTC
from itertools import pairwise

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import activities
from navsync_desktop.engine.activities import LoggedPerson
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import datetime_pattern, describe_error
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import seats as stored_seats


class _LogDialog(QDialog):
    """The seat holder and the person; a subclass adds its own fields and logs."""

    def __init__(self, app_state: AppState, seat_email: str | None, parent: QWidget | None):
        super().__init__(parent)
        self.app_state = app_state
        self.logged: activities.Activity | None = None
        self.seat = QComboBox(self)
        for seat in stored_seats.all_seats(app_state.store):
            self.seat.addItem(f"{seat.name} <{seat.email}>", seat.email)
        if seat_email is not None:
            self.seat.setCurrentIndex(max(self.seat.findData(seat_email), 0))
        self.profile_url = QLineEdit(self)
        self.profile_url.setPlaceholderText("https://www.linkedin.com/in/…")
        self.name = QLineEdit(self)
        self.company = QLineEdit(self)
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Seat holder:"), self.seat)
        self.form.addRow(self.tr("LinkedIn &profile URL:"), self.profile_url)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("C&ompany:"), self.company)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _order_tabs(self) -> None:
        """The fields in the form's order, then Save and Cancel (a subclass makes its own
        fields after the buttons, which would otherwise come first)."""
        role = QFormLayout.ItemRole.FieldRole
        fields = [self.form.itemAt(row, role).widget() for row in range(self.form.rowCount())]
        buttons = [self.buttons.button(QDialogButtonBox.StandardButton.Save)]
        buttons.append(self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        for first, second in pairwise([*fields, *buttons]):
            QWidget.setTabOrder(first, second)

    def person(self) -> LoggedPerson:
        return LoggedPerson(self.profile_url.text(), self.name.text(), self.company.text())

    def _log(self, work) -> None:
        """``work(store)`` on a worker; the dialog closes when it logged, else says why."""
        if self.seat.currentData() is None:
            self.message.show_error(self.tr("Add a seat holder first (Seats tab)."))
            return
        store = self.app_state.store
        self.buttons.setEnabled(False)
        job = run_job(lambda _report: work(store), self)
        job.succeeded.connect(self._logged)
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(lambda: self.buttons.setEnabled(True))

    def _logged(self, activity: activities.Activity) -> None:
        self.logged = activity
        self.accept()

    def save(self) -> None:
        raise NotImplementedError


class LogNoteDialog(_LogDialog):
    def __init__(
        self, app_state: AppState, seat_email: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app_state, seat_email, parent)
        self.setWindowTitle(self.tr("Log a note"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("No&te:"), self.text)
        self._order_tabs()
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        email, person, text = self.seat.currentData(), self.person(), self.text.toPlainText()
        self._log(lambda store: activities.log_note(store, email, person, text))


class LogCallDialog(_LogDialog):
    def __init__(
        self, app_state: AppState, seat_email: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(app_state, seat_email, parent)
        self.setWindowTitle(self.tr("Log a call"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_pattern())
        self.duration = QTimeEdit(QTime(0, 5), self)
        self.duration.setDisplayFormat("H:mm:ss")
        self.duration.setToolTip(self.tr("Hours, minutes and seconds"))
        self.outcome = QComboBox(self)
        labels = {
            "connected": self.tr("Connected"),
            "left_voicemail": self.tr("Left voicemail"),
            "no_answer": self.tr("No answer"),
            "busy": self.tr("Busy"),
            "wrong_number": self.tr("Wrong number"),
        }
        for outcome in activities.CALL_OUTCOMES:
            self.outcome.addItem(labels[outcome], outcome)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Date:"), self.when)
        self.form.addRow(self.tr("D&uration:"), self.duration)
        self.form.addRow(self.tr("O&utcome:"), self.outcome)
        self.form.addRow(self.tr("No&tes:"), self.notes)
        self._order_tabs()
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        email, person = self.seat.currentData(), self.person()
        when = self.when.dateTime().toPython().astimezone(UTC)
        duration_s = QTime(0, 0).secsTo(self.duration.time())
        outcome, notes = self.outcome.currentData(), self.notes.toPlainText()
        self._log(
            lambda store: activities.log_call(
                store,
                email,
                person,
                when=when,
                duration_s=duration_s,
                outcome=outcome,
                notes=notes,
            )
        )
