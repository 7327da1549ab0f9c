"""How far a running sync is (a progress bar), and how the latest one ended."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from navsync_desktop.engine.sync import Outcome, SyncResult
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import (
    describe_error,
    format_datetime,
    format_duration,
    format_number,
    translate,
)
from navsync_desktop.store import sync_runs


class SyncProgressView(QWidget):
    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.outcome_label = QLabel(self)
        self.outcome_label.setObjectName("sync-outcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.outcome_label)
        sync = app_state.sync
        sync.progress_changed.connect(self.update_view)
        sync.finished.connect(self.update_view)
        self.update_view()

    def update_view(self, *_ignored) -> None:
        sync = self.app_state.sync
        self.bar.setVisible(sync.running)
        self.bar.setValue(sync.percent)
        if sync.running:
            self.outcome_label.setText(
                self.tr("The CRM sync runs in the background; you can go on meanwhile.")
            )
            self.outcome_label.setStyleSheet("")
            return
        message, failed = self._latest_outcome()
        self.outcome_label.setText(message)
        self.outcome_label.setStyleSheet(tone_style(Tone.ERROR) if failed else "")

    def _latest_outcome(self) -> tuple[str, bool]:
        """What the newest sync came to, and whether that is a failure."""
        error = self.app_state.sync.last_error
        if error is not None:
            return self.tr("The sync could not start: {error}").format(
                error=describe_error(error)
            ), True
        runs = sync_runs.history(self.app_state.store, limit=1)
        if not runs:
            return self.tr("No sync has run yet."), False
        if runs[0].status not in set(Outcome):  # left running by a program that was killed
            return self.tr("The latest sync was interrupted."), True
        result = SyncResult(runs[0])
        if result.outcome is Outcome.SUCCEEDED:
            read = sum(counts.get("read", 0) for counts in result.run.objects.values())
            finished = datetime.fromisoformat(result.run.finished_at)
            return self.tr(
                "The latest sync finished {when}: {rows} records read in {duration}."
            ).format(
                when=format_datetime(finished),
                rows=format_number(read),
                duration=format_duration(result.seconds),
            ), False
        if result.outcome is Outcome.CANCELLED:
            return self.tr("The latest sync was cancelled; the local data is unchanged."), False
        reason = translate(result.error) if result.error else ""
        if result.run.paused:
            return self.tr("The latest sync paused: {reason}").format(reason=reason), True
        return self.tr("The latest sync failed: {reason}").format(reason=reason), True
