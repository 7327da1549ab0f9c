"""Salesforce credentials in the OS keyring, and a health check of that keyring.

One keyring entry per Salesforce connection, holding a JSON value with the
refresh token, instance URL, client id and org id. Nothing here ever falls
back to a plaintext file: when the keyring cannot be used, the caller is told
why and what to do.
(Named ``credentials`` rather than ``secrets`` so it never shadows the standard
library module that the OAuth code uses for PKCE.)
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from dataclasses import asdict, dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text

SERVICE_NAME = "NavSync Desktop"
# One keyring call at a time in this process: the file backends read, change and rewrite
# their whole file on every save or delete, so a token saved on one thread could be lost by a
# health probe's delete on another, or read as missing in between.
_KEYRING_LOCK = threading.Lock()
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own switch for choosing a backend


class CredentialsError(RuntimeError):
    """The keyring could not store or read a credential; ``text`` says what to do."""

    def __init__(self, text: Text, fix: Text | None = None) -> None:
        super().__init__(f"{text} {fix}" if fix else str(text))
        self.text = text
        self.fix = fix


def _keyring_failure(error: Exception) -> CredentialsError:
    """Any backend failure as one error with the fix. Backends raise more than KeyringError:
    a damaged file keyring raises configparser errors, D-Bus backends their own."""
    health = keyring_health()
    if not health.usable:
        return CredentialsError(health.finding, health.fix)
    return CredentialsError(
        QT_TRANSLATE_NOOP("Keyring", "The keyring {backend} failed ({reason}).").format(
            backend=health.backend, reason=type(error).__name__
        ),
        _FIX_SECRET_SERVICE,
    )


@dataclass(frozen=True)
class SalesforceCredentials:
    refresh_token: str
    instance_url: str
    client_id: str
    org_id: str

    def __repr__(self) -> str:  # never show the token in tracebacks or logs
        return f"SalesforceCredentials(org_id={self.org_id!r}, instance_url={self.instance_url!r})"


def _account(org_id: str) -> str:
    return f"salesforce:{org_id}"


def save(credentials: SalesforceCredentials) -> None:
    try:
        with _KEYRING_LOCK:
            keyring.set_password(
                SERVICE_NAME, _account(credentials.org_id), json.dumps(asdict(credentials))
            )
    except Exception as error:  # any backend failure, see _keyring_failure
        raise _keyring_failure(error) from error


def load(org_id: str) -> SalesforceCredentials | None:
    try:
        with _KEYRING_LOCK:
            value = keyring.get_password(SERVICE_NAME, _account(org_id))
    except Exception as error:  # any backend failure, see _keyring_failure
        raise _keyring_failure(error) from error
    if value is None:
        return None
    try:
        return SalesforceCredentials(**json.loads(value))
    except (ValueError, TypeError) as error:
        raise CredentialsError(
            QT_TRANSLATE_NOOP(
                "Keyring", "The keyring entry for Salesforce org {org_id} is unreadable; reconnect."
            ).format(org_id=org_id)
        ) from error


def delete(org_id: str) -> None:
    try:
        with _KEYRING_LOCK:
            keyring.delete_password(SERVICE_NAME, _account(org_id))
    except keyring.errors.PasswordDeleteError:
        pass  # already gone: the goal is reached
    except Exception as error:  # any backend failure, see _keyring_failure
        raise _keyring_failure(error) from error


@dataclass(frozen=True)
class KeyringHealth:
    usable: bool
    backend: str
    finding: Text
    fix: Text | None


def backend_name(backend: KeyringBackend | None = None) -> str:
    backend = backend or keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


# What each backend is to an admin, by keyring's module of it.
_BACKEND_NAMES: dict[str, Text] = {
    "keyring.backends.SecretService": QT_TRANSLATE_NOOP(
        "Keyring", "GNOME Keyring or KWallet (Secret Service)"
    ),
    "keyring.backends.libsecret": QT_TRANSLATE_NOOP("Keyring", "GNOME Keyring (libsecret)"),
    "keyring.backends.kwallet": QT_TRANSLATE_NOOP("Keyring", "KWallet"),
    "keyring.backends.macOS": QT_TRANSLATE_NOOP("Keyring", "macOS Keychain"),
    "keyring.backends.Windows": QT_TRANSLATE_NOOP("Keyring", "Windows Credential Manager"),
}


def describe_backend(backend: KeyringBackend | None = None) -> Text:
    """The keyring as an admin knows it: "GNOME Keyring", "unencrypted file …, for the demo
    and tests only"."""
    backend = backend or keyring.get_keyring()
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend) and backend.backends:
        backend = backend.backends[0]  # the one that answers first
    module = type(backend).__module__
    if module in _BACKEND_NAMES:
        return _BACKEND_NAMES[module]
    file_path = getattr(backend, "file_path", None)
    if _is_plaintext_backend(backend) and file_path:
        if getattr(backend, "encrypted", lambda: False)():
            return QT_TRANSLATE_NOOP("Keyring", "encrypted file {path}").format(path=str(file_path))
        return QT_TRANSLATE_NOOP(
            "Keyring", "unencrypted file {path}, for the demo and tests only"
        ).format(path=str(file_path))
    return QT_TRANSLATE_NOOP("Keyring", "keyring backend {name}").format(name=backend_name(backend))


_FIX_SECRET_SERVICE = QT_TRANSLATE_NOOP(
    "Keyring",
    "Install and unlock a Secret Service (GNOME Keyring or KWallet) on Linux, or use the "
    "system keychain on Windows and macOS; PYTHON_KEYRING_BACKEND selects another backend.",
)


_UNAVAILABLE = QT_TRANSLATE_NOOP("Keyring", "The keyring is unavailable ({backend}: {reason}).")


def keyring_health() -> KeyringHealth:
    """Probe the active keyring backend with a throwaway entry."""
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # PYTHON_KEYRING_BACKEND names a class that cannot be loaded
        chosen = os.environ.get(BACKEND_ENV, "?")
        finding = _UNAVAILABLE.format(backend=chosen, reason=type(error).__name__)
        return KeyringHealth(False, chosen, finding, _FIX_SECRET_SERVICE)
    name, described = backend_name(backend), describe_backend(backend)

    def unusable(finding: Text, fix: Text = _FIX_SECRET_SERVICE) -> KeyringHealth:
        return KeyringHealth(False, name, finding.format(backend=described), fix)

    if _is_fail_backend(backend):
        return unusable(QT_TRANSLATE_NOOP("Keyring", "No usable keyring backend was found."))
    if _is_plaintext_backend(backend) and not os.environ.get(BACKEND_ENV):
        # keyrings.alt's file backends step in by themselves when no real keyring
        # exists; an unencrypted file must be a deliberate choice, never a default.
        return unusable(
            QT_TRANSLATE_NOOP("Keyring", "No real keyring is available, only: {backend}.")
        )
    probe_account = f"health-check-{uuid.uuid4().hex}"
    try:
        with _KEYRING_LOCK:
            keyring.set_password(SERVICE_NAME, probe_account, "probe")
            readable = keyring.get_password(SERVICE_NAME, probe_account) == "probe"
            keyring.delete_password(SERVICE_NAME, probe_account)
    except keyring.errors.KeyringLocked:
        return unusable(
            QT_TRANSLATE_NOOP("Keyring", "The keyring is locked ({backend})."),
            QT_TRANSLATE_NOOP(
                "Keyring", "Unlock your keyring (log in to the desktop session) and retry."
            ),
        )
    except Exception as error:  # backends raise D-Bus, OS and keyring errors alike
        return unusable(_UNAVAILABLE.format(reason=type(error).__name__))
    if not readable:
        return unusable(
            QT_TRANSLATE_NOOP("Keyring", "The keyring did not return what was stored ({backend}).")
        )
    finding = QT_TRANSLATE_NOOP(
        "Keyring", "The Salesforce credentials are kept here: {backend}."
    ).format(backend=described)
    return KeyringHealth(True, name, finding, None)


def _is_plaintext_backend(backend: KeyringBackend) -> bool:
    """keyrings.alt's file backends, and the demo's file keyring built on them."""
    return any(cls.__module__.startswith("keyrings.alt") for cls in type(backend).__mro__)


def _is_fail_backend(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return True
    return isinstance(backend, chainer.ChainerBackend) and not backend.backends
