"""The window the admin lives in after the wizard: the status header, Sync now / Cancel, when
the next sync runs, and the tabs Seats, Activities, Unresolved activities, CRM settings and
Sync history; File > Import LinkedIn messages…."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop import __version__
from navsync_desktop.engine import sync_settings
from navsync_desktop.engine.connection_state import utc_now
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import format_datetime, translate
from navsync_desktop.gui.main.activities_tab import ActivitiesTab
from navsync_desktop.gui.main.crm_settings_tab import CrmSettingsTab
from navsync_desktop.gui.main.history_tab import HistoryTab
from navsync_desktop.gui.main.import_dialog import ImportMessagesDialog
from navsync_desktop.gui.main.seats_tab import SeatsTab
from navsync_desktop.gui.main.unresolved_tab import UnresolvedTab
from navsync_desktop.gui.support_menu import add_support_actions
from navsync_desktop.gui.sync_schedule import SyncScheduler
from navsync_desktop.gui.sync_text import interval_text
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.widgets.sync_progress_view import SyncProgressView
from navsync_desktop.gui.wizard.connect import SUPPORT_URL
from navsync_desktop.store import activities as stored_activities
from navsync_desktop.store.connection import ConnectionState

OpenWizard = Callable[[str | None], None]  # the step to open it at (None: its start)


class MainWindow(QMainWindow):
    def __init__(
        self,
        app_state: AppState,
        open_wizard: OpenWizard,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.app_state = app_state
        self._open_wizard = open_wizard
        self.setWindowTitle(self.tr("NavSync Desktop"))
        self.scheduler = SyncScheduler(app_state, clock=clock, parent=self)
        self._build_actions()
        self._build_menus()

        central = QWidget(self)
        self.header = StatusHeader(central)
        self.header.follow(app_state)
        self.sync_button = QPushButton(self.tr("Sync &now"), central)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Cance&l sync"), central)
        self.cancel_button.clicked.connect(app_state.sync.cancel)
        self.reconnect_button = QPushButton(self.tr("&Connect…"), central)
        self.reconnect_button.setToolTip(self.tr("Opens the setup wizard at Connect to CRM"))
        self.reconnect_button.clicked.connect(lambda: self._open_wizard("connect"))
        self.progress = SyncProgressView(app_state, central)
        self.schedule_label = QLabel(central)
        self.schedule_label.setObjectName("schedule")
        self.schedule_label.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.sync_button, self.cancel_button, self.reconnect_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        progress_column = QVBoxLayout()
        progress_column.addWidget(self.progress)
        progress_column.addWidget(self.schedule_label)
        progress_column.addStretch(1)
        sync_row = QHBoxLayout()
        sync_row.addLayout(buttons)
        sync_row.addLayout(progress_column, 1)

        self.tabs = QTabWidget(central)
        self.seats_tab = SeatsTab(app_state, self.tabs)
        self.activities_tab = ActivitiesTab(app_state, self.tabs)
        self.unresolved_tab = UnresolvedTab(app_state, self.tabs)
        self.crm_settings_tab = CrmSettingsTab(app_state, self.tabs)
        self.history_tab = HistoryTab(app_state, self.tabs)
        self.import_dialog: ImportMessagesDialog | None = None
        self.tabs.addTab(self.seats_tab, self.tr("S&eats"))
        self.tabs.addTab(self.activities_tab, self.tr("&Activities"))
        self.tabs.addTab(self.unresolved_tab, self.tr("&Unresolved activities"))
        self.tabs.addTab(self.crm_settings_tab, self.tr("CRM se&ttings"))
        self.tabs.addTab(self.history_tab, self.tr("Sync hist&ory"))
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addLayout(sync_row)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.sync_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.reconnect_button)
        QWidget.setTabOrder(self.reconnect_button, self.tabs)

        app_state.status_changed.connect(self._update)
        app_state.sync.running_changed.connect(self._update)
        app_state.sync.finished.connect(self._sync_finished)
        self.crm_settings_tab.changed.connect(self._settings_changed)
        self.activities_tab.changed.connect(self.unresolved_tab.refresh)
        self.unresolved_tab.changed.connect(self.activities_tab.refresh)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._update()
        self.scheduler.start()

    def _build_actions(self) -> None:
        self.import_action = QAction(self.tr("&Import LinkedIn messages…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_messages)
        self.sync_action = QAction(self.tr("Sync &now"), self)
        self.sync_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.sync_action.triggered.connect(self.sync_now)
        self.cancel_action = QAction(self.tr("&Cancel sync"), self)
        self.cancel_action.triggered.connect(self.app_state.sync.cancel)
        self.wizard_action = QAction(self.tr("Setup &wizard…"), self)
        self.wizard_action.triggered.connect(lambda: self._open_wizard(None))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.help_action = QAction(self.tr("Sales Navigator &help"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.setToolTip(SUPPORT_URL)
        self.help_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl(SUPPORT_URL)))
        self.about_action = QAction(self.tr("&About NavSync Desktop"), self)
        self.about_action.triggered.connect(self.about)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        program = self.menuBar().addMenu(self.tr("&Program"))
        program.addAction(self.sync_action)
        program.addAction(self.cancel_action)
        program.addSeparator()
        program.addAction(self.wizard_action)
        program.addSeparator()
        program.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)
        self.support = add_support_actions(help_menu, self.app_state, self)

    # state

    def _connected(self) -> bool:
        state = self.app_state.status.connection.state
        return state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)

    def _update(self, *_signal_args) -> None:
        running = self.app_state.sync.running
        connected = self._connected()
        can_sync = connected and not running
        self.sync_button.setEnabled(can_sync)
        self.sync_action.setEnabled(can_sync)
        self.cancel_button.setEnabled(running)
        self.cancel_action.setEnabled(running)
        self.reconnect_button.setVisible(not connected)
        self.sync_button.setToolTip(
            "" if connected else self.tr("Connect to Salesforce first: click Connect…")
        )
        self._show_schedule()

    def _show_schedule(self) -> None:
        store = self.app_state.store
        interval = translate(interval_text(sync_settings.interval_hours(store)))
        due = self.scheduler.next_due()
        if not self._connected():
            text = self.tr("Scheduled syncs ({interval}) wait until you connect again.")
        elif self.app_state.sync.running:
            text = self.tr("Scheduled syncs: {interval}.")
        elif due <= self.scheduler.clock():
            text = self.tr("Next sync: soon (scheduled {interval}).")
        else:
            text = self.tr("Next sync: {when} (scheduled {interval}).")
        self.schedule_label.setText(text.format(interval=interval, when=format_datetime(due)))

    def _sync_finished(self, _result) -> None:
        self.seats_tab.refresh()
        self.history_tab.refresh()
        self.crm_settings_tab.refresh()
        self._update()
        # what waits in the outbox (from before a restart, or for a record the sync brought)
        # goes out with the sync's rhythm
        counts = stored_activities.counts_by_state(self.app_state.store)
        if counts["queued"] or counts["sending"] or counts["unresolved"]:
            self.app_state.writeback.start_if_possible()

    def _settings_changed(self) -> None:
        self.seats_tab.refresh()
        self.activities_tab.refresh()
        self._show_schedule()

    def _tab_shown(self, _index: int) -> None:
        """Seat holders and activities change elsewhere (Seats tab, the CLI): a tab shows
        today's when it comes into view."""
        current = self.tabs.currentWidget()
        if current is self.activities_tab:
            self.activities_tab.refresh_seats()
        elif current is self.unresolved_tab:
            self.unresolved_tab.refresh()

    # actions

    def sync_now(self) -> None:
        self.app_state.sync.start()

    def import_messages(self) -> None:
        """File > Import LinkedIn messages…: the dialog, then the summary on the Activities tab
        (and the write-back, for what was queued at once)."""
        dialog = ImportMessagesDialog(self.app_state, self.activities_tab.seat_email(), self)
        dialog.accepted.connect(lambda: self._imported(dialog))
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, dialog: ImportMessagesDialog) -> None:
        result = dialog.result
        self.tabs.setCurrentWidget(self.activities_tab)
        self.activities_tab.refresh_seats()
        text = translate(result.summary())
        if result.skipped:
            text += " " + self.tr(
                "Skipped: sponsored InMails (marketing, not sales activity) and messages with "
                "colleagues."
            )
        self.activities_tab.message.show_done(text)
        self.unresolved_tab.refresh()
        if result.queued:
            self.app_state.writeback.start_if_possible()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NavSync Desktop"),
            self.tr(
                "NavSync Desktop {version}: Sales Navigator's CRM sync and activity write-back "
                "to Salesforce, on the desktop.\nHelp and support: {url}"
            ).format(version=__version__, url=SUPPORT_URL),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """A running sync is cancelled; the program waits for it before the store closes
        (``app.close_down``), and nothing of it is kept half-done."""
        self.scheduler.stop()
        self.app_state.sync.cancel()
        self.app_state.writeback.cancel()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)
