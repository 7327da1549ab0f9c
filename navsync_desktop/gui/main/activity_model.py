"""Activities as a table model, for the Activities and Unresolved activities tabs.

A seat holder's export easily gives 10,000 activities and more, so the view asks only for the
cells it shows: a cell's text is made when it is painted (dates in the locale's format,
states and reasons translated), never for the whole list at once. Rows are sorted by the
model on cheap keys (the raw values, which the proxy's filter reads too), and the list
starts in the engine's order (by date) without a sort. The rows are read from the store on a
worker (``ActivityLoader``): 10,000 of them take some 0.2 s, which the window does not wait for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from navsync_desktop.engine.activities import Activity
from navsync_desktop.engine.linkedin_import import SPONSORED
from navsync_desktop.gui.colours import Tone, tone_colour
from navsync_desktop.gui.i18n import format_datetime, translate
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import Store

ID_ROLE = Qt.ItemDataRole.UserRole  # the activity's id

# the columns either tab can show
SEAT, KIND, DATE, PERSON, PROFILE_URL, COMPANY, STATE, RECORD, REASON = range(9)


class ActivityModel(QAbstractTableModel):
    def __init__(self, columns: tuple[int, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.activities: list[Activity] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # None: the engine's order
        self._titles = {
            SEAT: self.tr("Seat holder"),
            KIND: self.tr("Kind"),
            DATE: self.tr("Date"),
            PERSON: self.tr("Person"),
            PROFILE_URL: self.tr("LinkedIn profile URL"),
            COMPANY: self.tr("Company"),
            STATE: self.tr("State"),
            RECORD: self.tr("Salesforce record / message"),
            REASON: self.tr("Reason"),
        }
        self.kinds = {
            "inmail": self.tr("InMail"),
            "message": self.tr("Message"),
            "note": self.tr("Note"),
            "call": self.tr("Call"),
        }
        self.states = {
            "new": self.tr("Not copied"),
            "queued": self.tr("Queued"),
            "sending": self.tr("Sending"),
            "sent": self.tr("Sent"),
            "failed": self.tr("Failed"),
            "unresolved": self.tr("Unresolved"),
            "skipped": self.tr("Skipped"),
        }
        self._sponsored = self.tr("Sponsored InMail: marketing, not sales activity")

    def set_activities(self, activities: list[Activity]) -> None:
        """New rows, in the order the admin sorted by last (or the engine's)."""
        self.beginResetModel()
        self.activities = activities
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def activity(self, row: int) -> Activity:
        return self.activities[row]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """One key per row and Python's sort: a proxy's sort would ask ``data`` twice for
        each of its n·log n comparisons (0.75 s for 10,000 rows)."""
        if not 0 <= column < len(self.columns):
            return
        self._sorted_by = (column, order)
        self.beginResetModel()
        self._sort_rows(column, order)
        self.endResetModel()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        field = self.columns[column]
        self.activities.sort(
            key=lambda activity: self.key(activity, field),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    # the model

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.activities)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[self.columns[section]]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        activity = self.activities[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(activity, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == PERSON:
                return activity.person_url or text
            return text
        if role == ID_ROLE:
            return activity.id
        failed = activity.state == "failed" and column in (STATE, RECORD)
        if role == Qt.ItemDataRole.ForegroundRole and failed:
            return tone_colour(Tone.ERROR)
        return None

    def key(self, activity: Activity, column: int) -> str:
        """What sorts and filters a cell: its raw value, without formatting or translating
        (sorting reads every row)."""
        if column == DATE:
            return activity.occurred_at.isoformat()
        if column == PERSON:
            return (activity.person_name or activity.person_url or "").casefold()
        raw = {
            SEAT: activity.seat_email,
            KIND: activity.kind,
            PROFILE_URL: activity.person_url,
            COMPANY: activity.person_company,
            STATE: activity.state,
            RECORD: activity.record_id or activity.error_code or activity.reason,
            REASON: activity.reason,
        }.get(column)
        return (raw or "").casefold()

    def text(self, activity: Activity, column: int) -> str:
        if column == SEAT:
            return activity.seat_email
        if column == KIND:
            return self.kinds.get(activity.kind, activity.kind)
        if column == DATE:
            return format_datetime(activity.occurred_at)
        if column == PERSON:
            return activity.person_name or activity.person_url or ""
        if column == PROFILE_URL:
            return activity.person_url or ""
        if column == COMPANY:
            return activity.person_company or ""
        if column == STATE:
            return self.states.get(activity.state, activity.state)
        if column == RECORD:
            return self.outcome(activity)
        if column == REASON:
            return self.reason(activity)
        return ""

    def reason(self, activity: Activity) -> str:
        if activity.reason == SPONSORED:
            return self._sponsored
        label = activity.reason_text
        return translate(label) if label else ""

    def outcome(self, activity: Activity) -> str:
        """The Salesforce record a sent activity became, or what went wrong, or why it waits."""
        if activity.state == "sent" and activity.record_id:
            if activity.record_sobject == "ContentNote":
                return self.tr("Note {id}").format(id=activity.record_id)
            return self.tr("Task {id}").format(id=activity.record_id)
        if activity.message is not None:
            return translate(activity.message)
        return self.reason(activity)


class ActivityProxy(QSortFilterProxyModel):
    """A text filter over the raw values of every column (names, companies, profile URLs),
    without case; sorting is handed to the model. Each row's values are joined once per
    list, so a filter asks Python once per row, not once per cell."""

    def __init__(self, model: ActivityModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self._needle = ""
        self._haystacks: dict[int, str] = {}  # activity id -> its values, joined
        model.modelReset.connect(self._haystacks.clear)

    def set_filter_text(self, text: str) -> None:
        if not hasattr(self, "endFilterChange"):  # before Qt 6.10
            self._needle = text.casefold()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._needle = text.casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _source_parent: QModelIndex) -> bool:
        if not self._needle:
            return True
        model: ActivityModel = self.sourceModel()
        activity = model.activities[source_row]
        haystack = self._haystacks.get(activity.id)
        if haystack is None:
            keys = (model.key(activity, column) for column in model.columns)
            haystack = self._haystacks[activity.id] = "\x1f".join(keys)
        return self._needle in haystack

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The rows are sorted in the model itself (fast); the proxy only filters."""
        self.sourceModel().sort(column, order)

    def activity(self, index: QModelIndex) -> Activity:
        return self.sourceModel().activity(self.mapToSource(index).row())


class ActivityLoader(QObject):
    """Reads a tab's activities off the GUI thread; when the admin changes the filters quickly,
    only the newest answer is shown."""

    loaded = Signal(list)  # the activities of the newest load
    failed = Signal(object)  # the exception

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._latest = 0
        self._pending = 0

    @property
    def loading(self) -> bool:
        return self._pending > 0

    def load(self, read: Callable[[Store], list[Activity]]) -> None:
        self._latest += 1
        self._pending += 1
        number, store = self._latest, self._store
        job = run_job(lambda _report: read(store), self)
        job.succeeded.connect(lambda found: self._arrived(number, found))
        job.failed.connect(lambda error: self._arrived(number, error))

    def _arrived(self, number: int, outcome: list[Activity] | Exception) -> None:
        self._pending -= 1
        if number != self._latest:
            return  # a newer load is on its way
        if isinstance(outcome, Exception):
            self.failed.emit(outcome)
        else:
            self.loaded.emit(outcome)
