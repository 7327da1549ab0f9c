"""The Unresolved activities tab: the report "LinkedIn Unresolved Activities" (Unassigned
Activities). Activities to be written back whose person has no CRM record, with the reason
(no match, ambiguous, no profile URL); a filter; Export CSV…; and Map…, which keeps "this
LinkedIn person is that CRM record" so every activity of the person goes out."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import unresolved
from navsync_desktop.engine.matching import Reason
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, format_number
from navsync_desktop.gui.main.activity_model import (
    COMPANY,
    DATE,
    KIND,
    PERSON,
    PROFILE_URL,
    REASON,
    SEAT,
)
from navsync_desktop.gui.main.activity_table import ActivityTable
from navsync_desktop.gui.main.map_dialog import MapPersonDialog
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job

COLUMNS = (PERSON, PROFILE_URL, COMPANY, REASON, KIND, DATE, SEAT)


class UnresolvedTab(QWidget):
    changed = Signal()  # a person was mapped: their activities left the list

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.dialog: MapPersonDialog | None = None
        intro = QLabel(
            self.tr(
                "LinkedIn Unresolved Activities: activities whose person has no record in the "
                "CRM. Map a person to a contact, lead or account, and their activities are "
                "written back."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.addItem(self.tr("All reasons"), "")
        self.reason.addItem(self.tr("No match"), Reason.NO_MATCH.value)
        self.reason.addItem(self.tr("Ambiguous"), Reason.AMBIGUOUS.value)
        self.reason.addItem(self.tr("No profile URL"), Reason.NO_URL.value)
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Name, company or profile URL"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("F&ilter:"), self)
        filter_label.setBuddy(self.filter)

        self.table = ActivityTable(
            app_state.store,
            COLUMNS,
            {PERSON: 160, PROFILE_URL: 220, COMPANY: 140, REASON: 120, DATE: 140},
            self,
            several=False,
        )
        self.table.setObjectName("unresolved")
        self.table.setAccessibleName(self.tr("Unresolved activities"))
        self.model, self.proxy, self.loader = (
            self.table.activities,
            self.table.proxy,
            self.table.loader,
        )
        self.loader.loaded.connect(self._show)
        self.loader.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.map_selected())

        self.map_button = QPushButton(self.tr("&Map…"), self)
        self.map_button.clicked.connect(self.map_selected)
        self.export_button = QPushButton(self.tr("E&xport CSV…"), self)
        self.export_button.clicked.connect(self.choose_export_file)
        self.count_label = QLabel(self)
        self.message = MessageLine(self)
        filters = QHBoxLayout()
        filters.addWidget(reason_label)
        filters.addWidget(self.reason)
        filters.addWidget(filter_label)
        filters.addWidget(self.filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.map_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        order = [self.reason, self.filter, self.table, self.map_button, self.export_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self.reason.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter.textChanged.connect(self._filter_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reads the list again (on a worker; ``loader.loaded`` once it is shown)."""
        reason = self.reason.currentData() or None
        self.loader.load(lambda store: unresolved.list_unresolved(store, reason=reason))

    def _show(self, found) -> None:
        self.model.set_activities(found)
        self._show_count()
        self._update_buttons()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("Unresolved activities: {count}").format(count=format_number(total))
            if shown == total
            else self.tr("Unresolved activities: {shown} of {count} shown").format(
                shown=format_number(shown), count=format_number(total)
            )
        )

    def selected(self):
        chosen = self.table.selected()
        return chosen[0] if len(chosen) == 1 else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        can_map = chosen is not None and bool(chosen.person_url)
        self.map_button.setEnabled(can_map)
        if chosen is not None and not chosen.person_url:
            self.map_button.setToolTip(
                self.tr(
                    "This person has no LinkedIn profile URL (a \u201cLinkedIn Member\u201d), so "
                    "a mapping could not recognise them again."
                )
            )
        else:
            self.map_button.setToolTip(
                self.tr("Search the CRM for the person's record and map them to it")
            )
        self.export_button.setEnabled(self.model.rowCount() > 0)

    # Map…

    def map_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.person_url:
            return
        dialog = MapPersonDialog(self.app_state, chosen, self)
        dialog.accepted.connect(lambda: self._mapped(dialog))
        self.dialog = dialog
        dialog.open()

    def _mapped(self, dialog: MapPersonDialog) -> None:
        record = dialog.chosen()
        self.message.show_done(
            self.tr("{person} is mapped to {record}; {count} activities are queued.").format(
                person=dialog.activity.person_name or dialog.activity.person_url,
                record=record.name if record else "",
                count=format_number(dialog.queued),
            )
        )
        self.refresh()
        self.changed.emit()
        self.app_state.writeback.start_if_possible()

    # Export CSV…

    def choose_export_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export unresolved activities"),
            str(Path.home() / "linkedin-unresolved-activities.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if chosen:
            self.export(Path(chosen))

    def export(self, path: Path) -> None:
        store, reason = self.app_state.store, self.reason.currentData() or None
        self.export_button.setEnabled(False)
        job = run_job(lambda _report: unresolved.export_csv(store, path, reason=reason), self)
        job.succeeded.connect(
            lambda _path: self.message.show_done(
                self.tr("Exported to {file}.").format(file=str(path))
            )
        )
        job.failed.connect(lambda error: self.message.show_error(describe_error(error)))
        job.done.connect(self._update_buttons)
