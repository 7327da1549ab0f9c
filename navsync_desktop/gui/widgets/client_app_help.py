"""What the admin enters in Salesforce for NavSync Desktop: the External Client App's callback
URL (which follows the chosen port), its OAuth scopes and its security settings."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from navsync_desktop.salesforce.oauth import redirect_uri


class ClientAppHelp(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("In Salesforce: your External Client App"))
        intro = QLabel(
            self.tr(
                "In Setup, open External Client App Manager, create an app (or open yours), "
                "select Enable OAuth and enter:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.callback_url = QLineEdit(self)
        self.callback_url.setReadOnly(True)
        self.callback_url.setObjectName("callback-url")
        self.callback_url.setAccessibleName(self.tr("Callback URL"))
        copy_button = QPushButton(self.tr("Copy"), self)
        copy_button.setAccessibleName(self.tr("Copy the callback URL"))
        copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.callback_url.text())
        )
        callback_row = QHBoxLayout()
        callback_row.addWidget(self.callback_url, 1)
        callback_row.addWidget(copy_button)
        scopes = QLabel(
            "<br>".join(
                [
                    self.tr("Manage user data via APIs (api)"),
                    self.tr("Perform requests at any time (refresh_token, offline_access)"),
                    self.tr("Access the identity URL service (id, profile, email, address, phone)"),
                ]
            ),
            self,
        )
        security = QLabel(
            self.tr(
                "Require Proof Key for Code Exchange (PKCE): on. Require secret for Web Server "
                "Flow and for Refresh Token Flow: off (NavSync Desktop keeps no client secret)."
            ),
            self,
        )
        security.setWordWrap(True)
        consumer_key = QLabel(
            self.tr(
                "Then copy the app's Consumer Key (OAuth Settings, Consumer Key and Secret) into "
                "Client ID above."
            ),
            self,
        )
        consumer_key.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Callback URL:"), callback_row)
        form.addRow(self.tr("OAuth scopes:"), scopes)
        form.addRow(self.tr("Security:"), security)
        form.addRow(consumer_key)
        self.set_port(1717)

    def set_port(self, port: int) -> None:
        self.callback_url.setText(redirect_uri(port))
