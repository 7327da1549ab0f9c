"""The Sync history tab: every run, newest first -- when, full or incremental, outcome,
duration, rows, API requests and the org's API usage (Sforce-Limit-Info) -- with its objects'
counts and its error, translated, under it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from navsync_desktop.engine.sync import SyncResult
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_colour
from navsync_desktop.gui.i18n import format_datetime, format_duration, format_number, translate
from navsync_desktop.gui.sync_text import object_title
from navsync_desktop.store import sync_runs
from navsync_desktop.store.sync_runs import SyncRun

SHOWN_RUNS = 200  # the newest; older runs stay in the store (and in `history`)
(WHEN, KIND, OUTCOME, DURATION, READ, CHANGED, DELETED, REQUESTS, USAGE) = range(9)
_NUMBERS = (READ, CHANGED, DELETED, REQUESTS, USAGE)


class HistoryTab(QWidget):
    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history")
        self.tree.setAccessibleName(self.tr("Sync runs"))
        self.tree.setHeaderLabels(
            [
                self.tr("Started / object"),
                self.tr("Kind"),
                self.tr("Outcome"),
                self.tr("Duration"),
                self.tr("Read"),
                self.tr("Changed"),
                self.tr("Deleted"),
                self.tr("API requests"),
                self.tr("API usage"),
            ]
        )
        self.tree.headerItem().setToolTip(
            USAGE,
            self.tr(
                "The org's API requests in the last 24 hours, of its daily allowance, as "
                "Salesforce reported them at the end of the run (Sforce-Limit-Info)"
            ),
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for run in sync_runs.history(self.app_state.store, limit=SHOWN_RUNS):
            self.tree.addTopLevelItem(self._run_item(run))

    def _run_item(self, run: SyncRun) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        started = datetime.fromisoformat(run.started_at)
        totals = {"read": 0, "changed": 0, "deleted": 0}
        for counts in run.objects.values():
            for key in totals:
                totals[key] += counts.get(key, 0)
        item.setText(WHEN, format_datetime(started))
        item.setText(KIND, self.tr("Full") if run.full else self.tr("Incremental"))
        item.setText(OUTCOME, self._outcome(run))
        if run.finished_at:
            item.setText(DURATION, format_duration(SyncResult(run).seconds))
        item.setText(READ, format_number(totals["read"]))
        item.setText(CHANGED, format_number(totals["changed"]))
        item.setText(DELETED, format_number(totals["deleted"]))
        item.setText(REQUESTS, format_number(run.http_requests))
        if run.api_used_after is not None and run.api_max:
            item.setText(
                USAGE,
                self.tr("{used} of {allowed}").format(
                    used=format_number(run.api_used_after), allowed=format_number(run.api_max)
                ),
            )
            if run.api_used_before is not None:
                item.setToolTip(
                    USAGE,
                    self.tr("{before} at the start, {after} at the end, of {allowed}").format(
                        before=format_number(run.api_used_before),
                        after=format_number(run.api_used_after),
                        allowed=format_number(run.api_max),
                    ),
                )
        for column in _NUMBERS:
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if run.error is not None:
            error = QTreeWidgetItem(item)
            error.setText(WHEN, translate(run.error))
            error.setForeground(WHEN, tone_colour(Tone.ERROR, self.tree.palette()))
            error.setFirstColumnSpanned(True)
            item.setForeground(OUTCOME, tone_colour(Tone.ERROR, self.tree.palette()))
            item.setToolTip(OUTCOME, translate(run.error))
        for sobject, counts in run.objects.items():
            item.addChild(self._object_item(sobject, counts))
        return item

    def _object_item(self, sobject: str, counts: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setText(WHEN, object_title(sobject))
        item.setToolTip(WHEN, sobject)
        api = counts.get("api")
        item.setText(KIND, {"bulk": self.tr("Bulk API 2.0"), "rest": self.tr("REST")}.get(api, ""))
        for column, key in ((READ, "read"), (CHANGED, "changed"), (DELETED, "deleted")):
            item.setText(column, format_number(counts.get(key, 0)))
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        return item

    def _outcome(self, run: SyncRun) -> str:
        if run.paused:
            return self.tr("Paused")
        return {
            "succeeded": self.tr("Succeeded"),
            "failed": self.tr("Failed"),
            "cancelled": self.tr("Cancelled"),
            "running": self.tr("Running"),
        }.get(run.status, run.status)
