"""Step 2: "Connect to CRM" — the Salesforce login in the browser (OAuth with PKCE)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from navsync_desktop.engine.connection import ConnectionManager, DifferentOrgError
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import describe_error, translate
from navsync_desktop.gui.widgets.client_app_help import ClientAppHelp
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.worker import run_job
from navsync_desktop.salesforce.login_hosts import PRODUCTION_LOGIN_URL
from navsync_desktop.salesforce.oauth import DEFAULT_REDIRECT_PORT
from navsync_desktop.store.connection import ConnectionState

SUPPORT_URL = "https://www.linkedin.com/help/sales-navigator"


class ConnectPage(QWizardPage):
    def __init__(self, app_state: AppState, manager: ConnectionManager) -> None:
        super().__init__()
        self.app_state = app_state
        self.manager = manager
        self.setTitle(self.tr("Connect to CRM"))
        self.setSubTitle(
            self.tr("Sign in to Salesforce in your browser to connect Sales Navigator.")
        )
        self.header = StatusHeader(self)
        app_state.status_changed.connect(self._status_changed)

        self.org_form = QWidget(self)
        self.login_url = QComboBox(self)
        self.login_url.setEditable(True)
        self.login_url.addItem(PRODUCTION_LOGIN_URL)
        self.login_url.setToolTip(
            self.tr("Production login, or your My Domain URL (https://name.my.salesforce.com)")
        )
        self.client_id = QLineEdit(self)
        self.client_id.setPlaceholderText(self.tr("Consumer Key of your External Client App"))
        self.port = QSpinBox(self)
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_REDIRECT_PORT)
        form = QFormLayout(self.org_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Login URL:"), self.login_url)
        form.addRow(self.tr("C&lient ID:"), self.client_id)
        form.addRow(self.tr("Redirect &port:"), self.port)
        self.client_app_help = ClientAppHelp(self.org_form)
        self.port.valueChanged.connect(self.client_app_help.set_port)
        self.client_app_help.set_port(self.port.value())
        form.addRow(self.client_app_help)
        self.demo_label = QLabel(
            self.tr(
                "You connect to the demo org that runs on this computer. Its login page opens "
                "in your browser with the scenario's user and the password filled in: choose "
                "Allow."
            )
        )
        self.demo_label.setWordWrap(True)

        self.connect_button = QPushButton(self.tr("&Connect to CRM"))
        self.connect_button.clicked.connect(lambda: self.start_connect())
        self.cancel_button = QPushButton(self.tr("Cancel &login"))
        self.cancel_button.clicked.connect(self.manager.cancel_connect)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)  # busy, no percentage: we wait for the user
        self.spinner.setTextVisible(False)
        self.waiting_label = QLabel(self.tr("Waiting for the Salesforce login in your browser…"))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.spinner, 1)
        busy_row.addWidget(self.cancel_button)

        self.link = QLineEdit(self)
        self.link.setReadOnly(True)
        self.link.setObjectName("authorization-link")
        self.copy_button = QPushButton(self.tr("Cop&y link"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.link.text())
        )
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_button)
        self.link_hint = QLabel(
            self.tr(
                "If no browser window opens, copy this link into your browser. Use a private "
                "window in Firefox or an Incognito window in Chrome: CRM cookies can get in the "
                "way. If that fails too, contact support: {url}"
            ).format(url=f'<a href="{SUPPORT_URL}">{SUPPORT_URL}</a>')
        )
        self.link_hint.setWordWrap(True)
        self.link_hint.setOpenExternalLinks(True)
        self.link_hint.setTextFormat(Qt.TextFormat.RichText)
        self.link_box = QWidget(self)
        link_layout = QVBoxLayout(self.link_box)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addLayout(link_row)
        link_layout.addWidget(self.link_hint)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.org_form)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.waiting_label)
        layout.addLayout(busy_row)
        layout.addWidget(self.link_box)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._job = None
        self._set_waiting(False)
        self.link_box.hide()
        self.error_label.hide()

    @property
    def demo(self) -> bool:
        return bool(self.field("demo"))

    def initializePage(self) -> None:
        self.demo_label.setVisible(self.demo)
        self.org_form.setVisible(not self.demo)
        self._status_changed(self.app_state.status)

    def _status_changed(self, status) -> None:
        self.header.show_status(status)
        self.completeChanged.emit()

    def _set_waiting(self, waiting: bool) -> None:
        for widget in (self.spinner, self.cancel_button, self.waiting_label):
            widget.setVisible(waiting)
        self.connect_button.setEnabled(not waiting)
        self.org_form.setEnabled(not waiting)

    def start_connect(self, *, replace_data: bool = False) -> None:
        if not self.demo and not self.client_id.text().strip():
            self.error_label.setText(
                self.tr(
                    "Enter the Consumer Key of your External Client App as Client ID (see "
                    "\u201cIn Salesforce\u201d below)."
                )
            )
            self.error_label.show()
            self.client_id.setFocus()
            return
        self.error_label.hide()
        self.link.clear()
        self.link_box.hide()
        self._set_waiting(True)
        options = {
            "demo": self.demo,
            "port": self.port.value(),
            "render": translate,
            "replace_data": replace_data,
        }
        if not self.demo:
            options["login_url"] = self.login_url.currentText().strip()
            options["client_id"] = self.client_id.text().strip()

        def connect(report):
            return self.manager.connect(on_authorization_url=report, **options)

        job = run_job(connect, self)
        job.progress.connect(self._show_link)
        job.failed.connect(self._show_error)
        job.done.connect(self._finished)
        self._job = job
        self.completeChanged.emit()

    def _show_link(self, url: str) -> None:
        self.link.setText(url)
        self.link.setCursorPosition(0)
        self.link_box.show()

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, DifferentOrgError):
            self._ask_to_replace_data(error)
            return
        self.error_label.setText(describe_error(error))
        self.error_label.show()

    def _ask_to_replace_data(self, error: DifferentOrgError) -> None:
        """The guide's way to switch orgs: the admin confirms, then logs in once more."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace the local data?"),
            self.tr(
                "You logged in to {new_org}, but the data on this computer belongs to "
                "{old_org}. Replace it with the data of {new_org}? You log in once more to "
                "confirm."
            ).format(new_org=error.new_org, old_org=error.kept_org),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QTimer.singleShot(0, lambda: self.start_connect(replace_data=True))
        else:
            self.error_label.setText(
                self.tr("Nothing changed: the data of {old_org} is kept.").format(
                    old_org=error.kept_org
                )
            )
            self.error_label.show()

    def _finished(self) -> None:
        self._job = None
        self._set_waiting(False)
        self.app_state.refresh()
        if self.isComplete():
            self.link_box.hide()
            self.wizard().button(self.wizard().WizardButton.NextButton).setFocus()

    def isComplete(self) -> bool:
        state = self.app_state.status.connection.state
        return self._job is None and state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)

    def cleanupPage(self) -> None:
        self.manager.cancel_connect()
