"""Step 2: "Connect to CRM" — the Salesforce login in the browser (OAuth with PKCE).

Before the first connection the page offers "Connect to CRM". Once connected it says to which
org and as whom, and offers what the guide's advice needs: Reconnect, Connect as another user
(an integration user instead of a personal admin) and Disconnect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
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

from navsync_desktop.engine.connection import DifferentOrgError, KeyringEntryKept
from navsync_desktop.engine.settings_catalog import DEMO_PORT_SETTING
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error, translate
from navsync_desktop.gui.widgets.client_app_help import ClientAppHelp
from navsync_desktop.gui.widgets.status_header import StatusHeader
from navsync_desktop.gui.worker import run_job
from navsync_desktop.salesforce.login_hosts import PRODUCTION_LOGIN_URL
from navsync_desktop.salesforce.oauth import DEFAULT_REDIRECT_PORT
from navsync_desktop.store import settings
from navsync_desktop.store.connection import ConnectionState

SUPPORT_URL = "https://www.linkedin.com/help/sales-navigator"
DEFAULT_DEMO_PORT = 18443
CLIENT_ID_SETTING = "salesforce.client_id"  # the External Client App's public consumer key
_CONNECTED = (ConnectionState.CONNECTED, ConnectionState.SYNCING)


def _message_label(tone: Tone | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tone is not None:
        label.setStyleSheet(tone_style(tone))
    label.hide()
    return label


class ConnectPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.app_state = app_state
        self.manager = app_state.manager
        self.setTitle(self.tr("Connect to CRM"))
        self.setSubTitle(
            self.tr("Sign in to Salesforce in your browser to connect Sales Navigator.")
        )
        self.header = StatusHeader(self)
        self.header.follow(app_state)
        app_state.status_changed.connect(self._status_changed)

        self.demo_box = self._build_demo_box()
        self.org_form = self._build_org_form()
        self.connected_box = self._build_connected_box()

        self.connect_button = QPushButton(self.tr("&Connect to CRM"))
        self.connect_button.clicked.connect(lambda: self.start_connect())
        self.cancel_button = QPushButton(self.tr("Cancel &login"))
        self.cancel_button.clicked.connect(self.manager.cancel_connect)
        self.spinner = QProgressBar(self)
        self.spinner.setRange(0, 0)  # busy, no percentage: we wait for the user
        self.spinner.setTextVisible(False)
        self.spinner.setAccessibleName(self.tr("Waiting for the login"))
        self.waiting_label = QLabel(self.tr("Waiting for the Salesforce login in your browser…"))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.spinner, 1)
        busy_row.addWidget(self.cancel_button)

        self.link_box = self._build_link_box()
        self.error_label = _message_label(Tone.ERROR)
        self.error_label.setObjectName("error")
        self.notice_label = _message_label()
        self.notice_label.setObjectName("notice")

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.org_form)
        layout.addWidget(self.connected_box)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.waiting_label)
        layout.addLayout(busy_row)
        layout.addWidget(self.link_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addStretch(1)
        self._job = None
        self._set_waiting(False)
        self.link_box.hide()

    # building

    def _build_demo_box(self) -> QWidget:
        box = QWidget(self)
        self.demo_label = QLabel(
            self.tr(
                "You connect to the demo org that runs on this computer. Its login page opens "
                "in your browser with the scenario's user and the password filled in: choose "
                "Allow."
            )
        )
        self.demo_label.setWordWrap(True)
        self.demo_port = QSpinBox(box)
        self.demo_port.setRange(1024, 65535)
        stored = settings.get(self.app_state.store, DEMO_PORT_SETTING)
        self.demo_port.setValue(stored or DEFAULT_DEMO_PORT)
        self.demo_port.setToolTip(
            self.tr(
                "The port on 127.0.0.1 where NavSync Desktop starts the demo org. Change it "
                "when another program uses it."
            )
        )
        self.demo_port.valueChanged.connect(
            lambda port: settings.put(self.app_state.store, DEMO_PORT_SETTING, port)
        )
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Demo org port:"), self.demo_port)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.demo_label)
        layout.addLayout(form)
        return box

    def _build_org_form(self) -> QWidget:
        box = QWidget(self)
        self.login_url = QComboBox(box)
        self.login_url.setEditable(True)
        self.login_url.addItem(PRODUCTION_LOGIN_URL)
        known = self.app_state.status.connection
        if known.login_url and not known.is_demo and known.login_url != PRODUCTION_LOGIN_URL:
            self.login_url.insertItem(0, known.login_url)
            self.login_url.setCurrentIndex(0)
        self.login_url.setToolTip(
            self.tr("Production login, or your My Domain URL (https://name.my.salesforce.com)")
        )
        self.client_id = QLineEdit(box)
        self.client_id.setPlaceholderText(self.tr("Consumer Key of your External Client App"))
        self.client_id.setText(settings.get(self.app_state.store, CLIENT_ID_SETTING) or "")
        self.port = QSpinBox(box)
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_REDIRECT_PORT)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Login URL:"), self.login_url)
        form.addRow(self.tr("C&lient ID:"), self.client_id)
        form.addRow(self.tr("Redirect &port:"), self.port)
        self.client_app_help = ClientAppHelp(box)
        self.port.valueChanged.connect(self.client_app_help.set_port)
        self.client_app_help.set_port(self.port.value())
        form.addRow(self.client_app_help)
        return box

    def _build_connected_box(self) -> QWidget:
        box = QWidget(self)
        self.connected_label = QLabel(box)
        self.connected_label.setWordWrap(True)
        self.connected_label.setObjectName("connected-as")
        self.reconnect_button = QPushButton(self.tr("&Reconnect…"), box)
        self.reconnect_button.setToolTip(
            self.tr("Sign in again as the same user, e.g. after Salesforce refused the connection")
        )
        self.reconnect_button.clicked.connect(lambda: self.start_connect())
        self.another_user_button = QPushButton(self.tr("Connect as &another user…"), box)
        self.another_user_button.setToolTip(
            self.tr("Sign in as another user, e.g. the integration user; settings are kept")
        )
        self.another_user_button.clicked.connect(lambda: self.start_connect(another_user=True))
        self.disconnect_button = QPushButton(self.tr("&Disconnect…"), box)
        self.disconnect_button.clicked.connect(self.ask_to_disconnect)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.reconnect_button, self.another_user_button, self.disconnect_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.connected_label)
        layout.addLayout(buttons)
        return box

    def _build_link_box(self) -> QWidget:
        box = QWidget(self)
        self.link = QLineEdit(box)
        self.link.setReadOnly(True)
        self.link.setObjectName("authorization-link")
        self.link.setAccessibleName(self.tr("Login link"))
        self.copy_button = QPushButton(self.tr("Cop&y link"), box)
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
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(link_row)
        layout.addWidget(self.link_hint)
        return box

    # state

    @property
    def demo(self) -> bool:
        return bool(self.field("demo"))

    def _connected(self) -> bool:
        return self.app_state.status.connection.state in _CONNECTED

    def initializePage(self) -> None:
        self._status_changed(self.app_state.status)

    def _status_changed(self, _status) -> None:
        self._show_what_fits(waiting=self._job is not None)
        self.completeChanged.emit()

    def _known(self) -> bool:
        """Connected, or was until Salesforce refused: the page offers Reconnect and the rest."""
        connection = self.app_state.status.connection
        return bool(connection.org_id) and connection.state in (
            *_CONNECTED,
            ConnectionState.RECONNECT_REQUIRED,
        )

    def _show_what_fits(self, *, waiting: bool) -> None:
        connection = self.app_state.status.connection
        known = self._known()
        self.demo_box.setVisible(self.demo and not known)
        self.org_form.setVisible(not self.demo and not known)
        self.connected_box.setVisible(known)
        self.connect_button.setVisible(not known)
        if known:
            self.connected_label.setText(
                self.tr("Connected to {org} as {user}.").format(
                    org=connection.org_name or connection.org_id, user=connection.username
                )
                if connection.state in _CONNECTED
                else self.tr(
                    "Salesforce no longer accepts the connection to {org} as {user}: reconnect."
                ).format(org=connection.org_name or connection.org_id, user=connection.username)
            )
        for widget in (self.spinner, self.cancel_button, self.waiting_label):
            widget.setVisible(waiting)
        for widget in (
            self.connect_button,
            self.reconnect_button,
            self.another_user_button,
            self.disconnect_button,
            self.org_form,
            self.demo_box,
        ):
            widget.setEnabled(not waiting)

    def _set_waiting(self, waiting: bool) -> None:
        self._show_what_fits(waiting=waiting)

    # connecting

    def start_connect(self, *, replace_data: bool = False, another_user: bool = False) -> None:
        """A running sync is cancelled first (a new login cannot start while it runs)."""
        self.app_state.sync.stop_then(
            lambda: self._connect(replace_data=replace_data, another_user=another_user)
        )

    def _connect(self, *, replace_data: bool, another_user: bool) -> None:
        connection = self.app_state.status.connection
        reconnecting = self._known()  # to the kept org, the way it was connected
        demo = connection.is_demo if reconnecting else self.demo
        if not demo and not reconnecting and not self.client_id.text().strip():
            self._show_problem(
                self.tr(
                    "Enter the Consumer Key of your External Client App as Client ID (see "
                    "\u201cIn Salesforce\u201d below)."
                )
            )
            self.client_id.setFocus()
            return
        self.error_label.hide()
        self.notice_label.hide()
        self.link.clear()
        self.link_box.hide()
        options = {
            "demo": demo,
            "port": self.port.value(),
            "render": translate,
            "replace_data": replace_data,
            "as_another_user": another_user,
        }
        if not demo:
            login_url = connection.login_url if reconnecting else None
            options["login_url"] = login_url or self.login_url.currentText().strip()
            client_id = self.client_id.text().strip()
            if client_id:
                settings.put(self.app_state.store, CLIENT_ID_SETTING, client_id)
            options["client_id"] = client_id or settings.get(
                self.app_state.store, CLIENT_ID_SETTING
            )

        attempt = self.manager.new_attempt()  # a Cancel from now on counts

        def connect(report):
            return self.manager.connect(on_authorization_url=report, attempt=attempt, **options)

        job = run_job(connect, self)
        job.progress.connect(self._show_link)
        job.failed.connect(self._show_error)
        job.done.connect(self._finished)
        self._job = job
        self._set_waiting(True)
        self.completeChanged.emit()

    def _show_link(self, url: str) -> None:
        self.link.setText(url)
        self.link.setCursorPosition(0)
        self.link_box.show()

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, DifferentOrgError):
            self._ask_to_replace_data(error)
            return
        self._show_problem(describe_error(error))

    def _show_problem(self, message: str) -> None:
        """A failed attempt says so; a connection that is still there says that it is kept."""
        connection = self.app_state.status.connection
        if connection.org_id and connection.state in _CONNECTED:
            message = self.tr("{problem} You are still connected to {org} as {user}.").format(
                problem=message,
                org=connection.org_name or connection.org_id,
                user=connection.username,
            )
        self.error_label.setText(message)
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
            self._show_problem(
                self.tr("Nothing changed: the data of {old_org} is kept.").format(
                    old_org=error.kept_org
                )
            )

    def _finished(self) -> None:
        self._job = None
        self.link.clear()  # its login is over either way: the link leads nowhere now
        self.link_box.hide()
        self.app_state.refresh()
        self._set_waiting(False)
        self.completeChanged.emit()
        if self.isComplete():
            self.app_state.sync.start_initial_if_needed()  # runs while the admin goes on
            if not self.error_label.isVisible():
                self.wizard().button(self.wizard().WizardButton.NextButton).setFocus()

    # disconnecting

    def ask_to_disconnect(self) -> None:
        connection = self.app_state.status.connection
        org = connection.org_name or connection.org_id
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Disconnect from Salesforce?"),
            self.tr(
                "Disconnect from {org}? NavSync Desktop revokes its access at Salesforce and "
                "forgets it here. Sync and write-back stop until you connect again."
            ).format(org=org),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        disconnect = question.addButton(
            self.tr("Disconnect"), QMessageBox.ButtonRole.DestructiveRole
        )
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        purge = QCheckBox(self.tr("Also delete the local data of {org}").format(org=org))
        question.setCheckBox(purge)
        question.exec()
        if question.clickedButton() is disconnect:
            purge_data = purge.isChecked()
            self.app_state.sync.stop_then(lambda: self.disconnect_from(org, purge=purge_data))

    def disconnect_from(self, org: str, *, purge: bool) -> None:
        self.error_label.hide()
        self.notice_label.hide()

        def disconnect(_report):
            return self.manager.disconnect(purge=purge)

        job = run_job(disconnect, self)
        job.succeeded.connect(lambda revoked: self._disconnected(org, revoked, purge))
        job.failed.connect(self._disconnect_failed)
        job.done.connect(self._finished)
        self._job = job
        self._set_waiting(False)
        self.connected_box.setEnabled(False)

    def _disconnected(self, org: str, revoked: bool, purge: bool) -> None:
        if revoked:
            done = self.tr("Disconnected from {org}; Salesforce revoked the access.")
        else:
            done = self.tr(
                "Disconnected from {org}. Salesforce did not confirm revoking the access; an "
                "admin can revoke it in Setup (Connected Apps OAuth Usage)."
            )
        kept = self.tr("Local data deleted.") if purge else self.tr("Local data kept.")
        self.notice_label.setText(f"{done.format(org=org)} {kept}")
        self.notice_label.show()
        self.connected_box.setEnabled(True)

    def _disconnect_failed(self, error: Exception) -> None:
        self.connected_box.setEnabled(True)
        if isinstance(error, KeyringEntryKept):  # disconnected here all the same
            self.notice_label.setText(describe_error(error))
            self.notice_label.show()
            return
        self._show_problem(describe_error(error))

    def isComplete(self) -> bool:
        return self._job is None and self._connected()

    def cleanupPage(self) -> None:
        self.manager.cancel_connect()
