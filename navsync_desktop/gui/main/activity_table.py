"""The table both activity tabs show: the model, its filter proxy and the loader that reads the
rows on a worker, with what keeps 10,000 rows quick (fixed column widths, no sort until a
header is clicked, no word wrap)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from navsync_desktop.engine.activities import Activity
from navsync_desktop.gui.main.activity_model import ActivityLoader, ActivityModel, ActivityProxy
from navsync_desktop.store import Store


class ActivityTable(QTableView):
    def __init__(
        self,
        store: Store,
        columns: tuple[int, ...],
        widths: dict[int, int],
        parent: QWidget | None = None,
        *,
        several: bool,
    ) -> None:
        super().__init__(parent)
        self.activities = ActivityModel(columns, self)
        self.proxy = ActivityProxy(self.activities, self)
        self.loader = ActivityLoader(store, self)
        self.setModel(self.proxy)
        # no sort until a header is clicked: the engine's order (by date), and no row is read
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if several
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move in the table
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # fixed widths: sizing columns to their contents would read every row
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in widths.items():
            self.setColumnWidth(columns.index(column), width)

    def selected(self) -> list[Activity]:
        return [self.proxy.activity(index) for index in self.selectionModel().selectedRows()]
