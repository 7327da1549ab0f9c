"""How the GUI words the CRM sync: the synced objects by their Salesforce labels ("Contacts",
"Kontakte") rather than their API names, in progress lines and in the sync history."""

from __future__ import annotations

from navsync_desktop.engine.sync_progress import SyncProgress
from navsync_desktop.gui.i18n import translate
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text

OBJECT_LABELS = {
    "User": QT_TRANSLATE_NOOP("CrmObjects", "Users"),
    "UserRole": QT_TRANSLATE_NOOP("CrmObjects", "Roles"),
    "Account": QT_TRANSLATE_NOOP("CrmObjects", "Accounts"),
    "Contact": QT_TRANSLATE_NOOP("CrmObjects", "Contacts"),
    "Lead": QT_TRANSLATE_NOOP("CrmObjects", "Leads"),
    "Opportunity": QT_TRANSLATE_NOOP("CrmObjects", "Opportunities"),
    "OpportunityContactRole": QT_TRANSLATE_NOOP("CrmObjects", "Opportunity Contact Roles"),
    "OpportunityStage": QT_TRANSLATE_NOOP("CrmObjects", "Opportunity Stages"),
}


# one record of an object, as German Salesforce names it ("Aufgabe", "Notiz")
RECORD_LABELS = {
    "Account": QT_TRANSLATE_NOOP("CrmObjects", "Account"),
    "Contact": QT_TRANSLATE_NOOP("CrmObjects", "Contact"),
    "Lead": QT_TRANSLATE_NOOP("CrmObjects", "Lead"),
    "Task": QT_TRANSLATE_NOOP("CrmObjects", "Task"),
    "ContentNote": QT_TRANSLATE_NOOP("CrmObjects", "Note"),
    "ContentDocumentLink": QT_TRANSLATE_NOOP("CrmObjects", "Note link"),
}


def record_title(sobject: str) -> str:
    """What one record of the object is called, translated; an unknown object keeps its API
    name."""
    label = RECORD_LABELS.get(sobject)
    return translate(label) if label is not None else sobject


def object_label(sobject: str) -> Text | str:
    """The object's plural label; an object the GUI does not know keeps its API name."""
    return OBJECT_LABELS.get(sobject, sobject)


def object_title(sobject: str) -> str:
    """The object's plural label, translated."""
    label = object_label(sobject)
    return translate(label) if isinstance(label, Text) else label


def progress_line(event: SyncProgress) -> Text:
    """The engine's line for the event, naming the object by its label."""
    line = event.describe()
    if event.sobject and "sobject" in line.args:
        return line.format(sobject=object_label(event.sobject))
    return line


def interval_text(hours: int) -> Text:
    """How often the schedule syncs: "every hour", "daily", "every 2 days", "every 6 hours"."""
    if hours == 1:
        return QT_TRANSLATE_NOOP("Schedule", "every hour")
    if hours == 24:
        return QT_TRANSLATE_NOOP("Schedule", "daily")
    if hours % 24 == 0:
        return QT_TRANSLATE_NOOP("Schedule", "every {days} days").format(days=hours // 24)
    return QT_TRANSLATE_NOOP("Schedule", "every {hours} hours").format(hours=hours)
