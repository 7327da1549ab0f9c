"""Help > Create support bundle… and, while connected to the demo org, Help > Reset demo….

Both run as jobs (gui/worker.py) on the engine's functions; the window stays responsive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine.status import StatusReport
from navsync_desktop.engine.support_bundle import BundleProgress, create_support_bundle
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, translate
from navsync_desktop.gui.main.message_line import MessageLine
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store.connection import ConnectionState


def add_support_actions(menu: QMenu, app_state: AppState, window: QWidget) -> SupportActions:
    """What main_window's Help menu calls: adds the two items to ``menu``."""
    return SupportActions(menu, app_state, window)


class SupportActions(QObject):
    def __init__(self, menu: QMenu, app_state: AppState, window: QWidget) -> None:
        super().__init__(window)
        self.app_state = app_state
        self.window = window
        self.bundle_dialog: SupportBundleDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.outcome: QMessageBox | None = None
        self.bundle_action = QAction(self.tr("Create &support bundle…"), window)
        self.bundle_action.triggered.connect(self.open_bundle_dialog)
        self.reset_action = QAction(self.tr("&Reset demo…"), window)
        self.reset_action.triggered.connect(self.confirm_reset)
        menu.addSeparator()
        menu.addAction(self.bundle_action)
        menu.addAction(self.reset_action)
        app_state.status_changed.connect(self._follow)
        self._follow(app_state.status)

    def _follow(self, status: StatusReport) -> None:
        connection = status.connection
        live = connection.state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)
        self.reset_action.setVisible(connection.is_demo and live)

    def open_bundle_dialog(self) -> SupportBundleDialog:
        if self.bundle_dialog is None:
            self.bundle_dialog = SupportBundleDialog(self.app_state, self.window)
        self.bundle_dialog.show()
        self.bundle_dialog.raise_()
        return self.bundle_dialog

    # demo reset

    def confirm_reset(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Reset demo"),
            self.tr(
                "Reset the demo to its seeded state? The demo org is seeded anew, the local "
                "data (seat holders, settings, synced records, activities) is deleted and the "
                "demo login is removed from the keyring."
            ),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        reset = box.addButton(self.tr("&Reset demo"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._reset_if(box.clickedButton() is reset))
        self.confirmation = box
        box.open()
        return box

    def _reset_if(self, confirmed: bool) -> None:
        if not confirmed:
            return
        from navsync_desktop.engine.demo_reset import reset_demo

        self.reset_action.setEnabled(False)
        job = run_job(lambda _report: reset_demo(self.app_state.manager), self)
        job.succeeded.connect(lambda result: self._tell(translate(result.summary()), False))
        job.failed.connect(lambda error: self._tell(describe_error(error), True))
        job.done.connect(lambda: self.reset_action.setEnabled(True))
        job.done.connect(self.app_state.refresh)

    def _tell(self, text: str, failed: bool) -> None:
        icon = QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Reset demo"), text, QMessageBox.StandardButton.Ok)
        box.setParent(self.window, box.windowFlags())
        self.outcome = box
        box.open()


class SupportBundleDialog(QDialog):
    """Where to write the bundle, whether personal data goes in; the bundle is made on a
    worker with its progress shown, and the outcome said in one line."""

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.setWindowTitle(self.tr("Create support bundle"))
        intro = QLabel(
            self.tr(
                "The support bundle is a zip file for NavSync support: settings, connection "
                "details, sync history, write-back errors, the recent log, this computer's "
                "environment and the org's readiness. Tokens and passwords never go in."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setText(str(Path.home() / f"navsync-support-{date.today():%Y-%m-%d}.zip"))
        self.path.setAccessibleName(self.tr("Support bundle file"))
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)
        self.personal_data = QCheckBox(
            self.tr(
                "&Include personal data (names, email addresses, phone numbers, message texts)"
            ),
            self,
        )
        self.personal_data.setToolTip(
            self.tr("Off: personal data is masked; the same person keeps the same mask.")
        )
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.create_button = self.buttons.addButton(
            self.tr("C&reate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.personal_data)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save support bundle"), self.path.text(), self.tr("Zip files (*.zip)")
        )
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".zip") else f"{chosen}.zip")

    def create(self) -> None:
        target = Path(self.path.text().strip()).expanduser()
        include = self.personal_data.isChecked()
        state = self.app_state
        self.create_button.setEnabled(False)
        self.message.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        job = run_job(
            lambda report: create_support_bundle(
                target, state.store, state.manager, include_personal_data=include, progress=report
            ),
            self,
        )
        job.progress.connect(self._show_progress)
        job.succeeded.connect(lambda result: self._say(translate(result.summary())))
        job.failed.connect(lambda error: self._say(describe_error(error), error=True))
        job.done.connect(self._finished)

    def _show_progress(self, event: BundleProgress) -> None:
        self.progress.setRange(0, event.total)
        self.progress.setValue(event.done)
        self._say(translate(event.describe()))

    def _say(self, text: str, *, error: bool = False) -> None:
        if error:
            self.message.show_error(text)
        else:
            self.message.show_done(text)
        # A window does not grow by itself for wrapped text (height for width): make room.
        self.layout().activate()
        needed = self.layout().heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _finished(self) -> None:
        self.progress.hide()
        self.create_button.setEnabled(True)
