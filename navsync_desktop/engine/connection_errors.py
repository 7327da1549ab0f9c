"""Connection errors with more to say than a message: another org's login, a keyring that kept
a token. No Qt."""

from __future__ import annotations

from navsync_desktop.credentials import CredentialsError
from navsync_desktop.engine.connection_state import ConnectionFailed
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.store.connection import ConnectionRecord


class DifferentOrgError(ConnectionFailed):
    """The login was to another org than the one whose data is kept here."""

    def __init__(self, kept: ConnectionRecord, new_org_id: str, new_org_name: str | None) -> None:
        names = {
            "new_org": new_org_name or new_org_id,
            "new_id": new_org_id,
            "old_org": kept.org_name or kept.org_id,
            "old_id": kept.org_id,
        }
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Connection",
                "You logged in to {new_org} ({new_id}), but the local data belongs to {old_org} "
                "({old_id}). Connect again and confirm that the local data is replaced, or log "
                "in to {old_org}.",
            ).format(**names),
            QT_TRANSLATE_NOOP(
                "Connection",
                "You logged in to {new_org} ({new_id}), but the local data belongs to {old_org} "
                "({old_id}). Connect again with --replace-data to replace the local data, or "
                "log in to {old_org}.",
            ).format(**names),
        )
        self.kept_org = kept.org_name or kept.org_id
        self.kept_org_id = kept.org_id
        self.new_org = new_org_name or new_org_id
        self.new_org_id = new_org_id


class KeyringEntryKept(CredentialsError):
    """Disconnected here, but the keyring could not be used to forget the token."""

    def __init__(self, org_id: str, revoked: bool, cause: CredentialsError) -> None:
        if revoked:
            text = QT_TRANSLATE_NOOP(
                "Connection",
                "Disconnected here and the token was revoked at Salesforce, but the keyring entry "
                "of org {org_id} could not be removed: {reason}",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Connection",
                "Disconnected here, but the keyring could not be used, so the token of org "
                "{org_id} was neither revoked nor removed (an admin can revoke it in Setup, "
                "Connected Apps OAuth Usage): {reason}",
            )
        super().__init__(text.format(org_id=org_id, reason=cause.text), cause.fix)
