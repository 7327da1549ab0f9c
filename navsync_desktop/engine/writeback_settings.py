"""Step 6 of the guide: whether activities go back to the CRM, which kinds, and each seat's
copy mode ("always copy", or wait for Copy to CRM).

Write-back needs Modify All Data. What the org said about it is kept here (it is checked
before every write-back and by ``check_permission``), so the GUI can say why Copy to CRM is
off without asking the org.
"""

from __future__ import annotations

from enum import StrEnum

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, settings
from navsync_desktop.store import seats as stored_seats
from navsync_desktop.store.activities import KINDS

ENABLED = "writeback.enabled"
KINDS_SETTING = "writeback.kinds"
BATCH_SIZE = "writeback.batch_size"
MODIFY_ALL_DATA = "writeback.modify_all_data"  # what the org said: true, false, or not known
MAX_BATCH = 200  # sObject Collections take at most 200 records a request
ALL = "all"


class CopyMode(StrEnum):
    ALWAYS = "always"  # imported and logged activities are queued at once
    ASK = "ask"  # they wait for Copy to CRM


KIND_LABELS = {
    "inmail": QT_TRANSLATE_NOOP("Writeback", "InMails"),
    "message": QT_TRANSLATE_NOOP("Writeback", "Messages"),
    "note": QT_TRANSLATE_NOOP("Writeback", "Notes"),
    "call": QT_TRANSLATE_NOOP("Writeback", "Calls"),
}


def parse_kinds(value: str) -> list[str] | None:
    """'all' or a comma-separated list of inmail, message, note, call; None if not."""
    words = [word.strip().lower() for word in value.split(",") if word.strip()]
    if words == [ALL]:
        return list(KINDS)
    if not words or any(word not in KINDS for word in words):
        return None
    return [kind for kind in KINDS if kind in words]


def enabled(store: Store) -> bool:
    return bool(settings.get(store, ENABLED, False))


def kinds(store: Store) -> list[str]:
    return list(settings.get(store, KINDS_SETTING, list(KINDS)))


def batch_size(store: Store) -> int:
    return int(settings.get(store, BATCH_SIZE, MAX_BATCH))


def modify_all_data(store: Store) -> bool | None:
    return settings.get(store, MODIFY_ALL_DATA)


def remember_permission(store: Store, has_modify_all_data: bool) -> None:
    settings.put(store, MODIFY_ALL_DATA, has_modify_all_data)


NO_MODIFY_ALL_DATA = QT_TRANSLATE_NOOP(
    "Writeback",
    "Activity write-back is unavailable: the connected user has View All Data but not Modify "
    "All Data. In Salesforce Setup, give the user Modify All Data (profile or permission set), "
    "then run the checks again.",
)
WRITEBACK_OFF = QT_TRANSLATE_NOOP(
    "Writeback",
    "Activity write-back is off. Enable \u201cSales Navigator data to sync back to your "
    "CRM\u201d in the CRM settings first.",
)
KIND_OFF = QT_TRANSLATE_NOOP(
    "Writeback",
    "{kind} are not synced back to the CRM. Choose them among the items to sync back in the "
    "CRM settings first.",
)


def refusal(store: Store, kind: str | None = None) -> Text | None:
    """Why Copy to CRM is unavailable (for all activities, or for one kind), or None."""
    if modify_all_data(store) is False:
        return NO_MODIFY_ALL_DATA
    if not enabled(store):
        return WRITEBACK_OFF
    if kind is not None and kind not in kinds(store):
        return KIND_OFF.format(kind=KIND_LABELS[kind])
    return None


def copy_mode(store: Store, seat_id: int) -> CopyMode:
    row = store.connection.execute("SELECT copy_mode FROM seats WHERE id = ?", (seat_id,))
    found = row.fetchone()
    return CopyMode(found[0]) if found else CopyMode.ALWAYS


def set_copy_mode(store: Store, email: str, mode: CopyMode) -> bool:
    """False when no seat has this email."""
    if stored_seats.find(store, email) is None:
        return False
    store.connection.execute(
        "UPDATE seats SET copy_mode = ? WHERE email = ?", (mode.value, email.strip())
    )
    return True


def queues_at_once(store: Store, seat_id: int, kind: str) -> bool:
    """Whether a new activity of this seat and kind goes to the outbox by itself."""
    return refusal(store, kind) is None and copy_mode(store, seat_id) is CopyMode.ALWAYS
