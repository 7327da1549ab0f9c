"""What an activity becomes in Salesforce: a completed Task (InMails, messages, calls) or a
ContentNote with a ContentDocumentLink (notes), shaped by the org's describe.

Picklist values (the completed Task status, TaskSubtype), field lengths and the LinkedIn
package's fields come from the org, never assumed. Every record carries the activity's
reference ("NavSync ref XXXXXXXXXXXX"): at the end of a Task's Description, at the end of a
note's Title (the one text field of a note that a query returns and filters on; its body is
a file). After a lost answer, the sender finds the records by it.

The records' own wording (Subject, Title, call details) is written in English: it is data in
the CRM, read by everyone who opens the record, not text of this program's interface.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from datetime import datetime

from navsync_desktop.salesforce.session import SalesforceSession

REF_PREFIX = "NavSync ref "
REF_PATTERN = re.compile(r"NavSync ref ([A-Z2-7]{12})")
_TASK_KINDS = {"inmail": "LinkedIn InMail", "message": "LinkedIn message"}
_OUTCOMES = {
    "connected": "Connected",
    "left_voicemail": "Left voicemail",
    "no_answer": "No answer",
    "busy": "Busy",
    "wrong_number": "Wrong number",
}


def refs_in(text: str | None) -> list[str]:
    return REF_PATTERN.findall(text or "")


def _picklist(field: dict | None) -> list[str]:
    if not field:
        return []
    return [value["value"] for value in field.get("picklistValues", []) if value.get("active")]


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


@dataclass(frozen=True)
class OrgShapes:
    """The org's Task, ContentNote and ContentDocumentLink, as far as write-back needs them."""

    task_fields: dict[str, dict]
    note_fields: dict[str, dict]
    link_fields: dict[str, dict]
    completed_status: str

    @classmethod
    def read(cls, session: SalesforceSession) -> OrgShapes:
        def fields(sobject: str) -> dict[str, dict]:
            return {f["name"]: f for f in session.describe(sobject)["fields"] if f["createable"]}

        task_fields = fields("Task")
        offered = _picklist(task_fields.get("Status"))
        closed = session.query_all(
            "SELECT ApiName FROM TaskStatus WHERE IsClosed = true ORDER BY SortOrder"
        )
        completed = next((r["ApiName"] for r in closed if r["ApiName"] in offered), None)
        if completed is None:
            raise LookupError("the org's Task Status picklist has no closed value")
        return cls(task_fields, fields("ContentNote"), fields("ContentDocumentLink"), completed)

    def _length(self, fields: dict[str, dict], name: str, default: int) -> int:
        field = fields.get(name)
        return int(field.get("length") or default) if field else default

    def _put(self, record: dict, fields: dict[str, dict], name: str, value) -> None:
        """Only fields the org has and lets the user set."""
        if name in fields and value is not None:
            record[name] = value

    def _subtype(self, wanted: str) -> str | None:
        offered = _picklist(self.task_fields.get("TaskSubtype"))
        if wanted in offered:
            return wanted
        return "Task" if "Task" in offered else None

    def task(self, row, owner_id: str | None) -> dict:
        """A completed Task for an InMail, a message or a call."""
        kind = row["kind"]
        if kind == "call":
            subject = f"Call: {_OUTCOMES.get(row['call_outcome'], row['call_outcome'] or '')}"
            minutes, seconds = divmod(int(row["call_duration_s"] or 0), 60)
            body = f"Duration: {minutes} min {seconds} s\n" + (
                f"\n{row['content']}" if row["content"] else ""
            )
            subtype = self._subtype("Call")
        else:
            label = _TASK_KINDS[kind]
            direction = " (sent)" if row["direction"] == "sent" else " (received)"
            subject = f"{label}: {row['subject']}" if row["subject"] else label + direction
            body = row["content"] or ""
            subtype = self._subtype("LinkedIn")
        ref_line = f"\n\n{REF_PREFIX}{row['ref']}"
        description_limit = self._length(self.task_fields, "Description", 32000)
        description = _cut(body, description_limit - len(ref_line)) + ref_line
        occurred = datetime.fromisoformat(row["occurred_at"])
        fields = self.task_fields
        record: dict = {"attributes": {"type": "Task"}}
        self._put(record, fields, "Subject", _cut(subject, self._length(fields, "Subject", 255)))
        self._put(record, fields, "Status", self.completed_status)
        self._put(record, fields, "ActivityDate", occurred.astimezone().date().isoformat())
        self._put(record, fields, "Description", description)
        who, what = _who_and_what(row)
        self._put(record, fields, "WhoId", who)
        self._put(record, fields, "WhatId", what)
        self._put(record, fields, "OwnerId", owner_id)
        self._put(record, fields, "TaskSubtype", subtype)
        if kind != "call":
            self._put(record, fields, "LID__Date_Sent__c", occurred.isoformat())
            self._put(record, fields, "LID__URL__c", _conversation_url(row))
        return record

    def note(self, row, owner_id: str | None) -> dict:
        text = row["content"] or ""
        first_line = text.strip().splitlines()[0] if text.strip() else ""
        about = row["person_name"] or row["person_company"] or ""
        title = f"LinkedIn note: {about}" if about else "LinkedIn note"
        if first_line:
            title += f" – {first_line}"
        suffix = f" [{REF_PREFIX}{row['ref']}]"
        limit = self._length(self.note_fields, "Title", 255)
        record: dict = {"attributes": {"type": "ContentNote"}}
        self._put(record, self.note_fields, "Title", _cut(title, limit - len(suffix)) + suffix)
        body = html.escape(text).replace("\n", "<br>")
        self._put(
            record, self.note_fields, "Content", base64.b64encode(body.encode()).decode("ascii")
        )
        self._put(record, self.note_fields, "OwnerId", owner_id)
        return record

    def link(self, row) -> dict:
        record: dict = {"attributes": {"type": "ContentDocumentLink"}}
        fields = self.link_fields
        self._put(record, fields, "ContentDocumentId", row["record_id"])
        self._put(record, fields, "LinkedEntityId", row["match_id"])
        share = _picklist(fields.get("ShareType"))
        self._put(record, fields, "ShareType", "V" if "V" in share else None)
        visibility = _picklist(fields.get("Visibility"))
        self._put(record, fields, "Visibility", "AllUsers" if "AllUsers" in visibility else None)
        return record


def _who_and_what(row) -> tuple[str | None, str | None]:
    """WhoId the person; WhatId the contact's account. A lead's task relates to nothing
    else (Salesforce refuses a WhatId there); an account alone is the WhatId."""
    sobject = row["match_sobject"]
    if sobject == "Contact":
        return row["match_id"], row["match_account_id"]
    if sobject == "Lead":
        return row["match_id"], None
    return None, row["match_id"]


def _conversation_url(row) -> str | None:
    if row["conversation_id"]:
        return f"https://www.linkedin.com/messaging/thread/{row['conversation_id']}/"
    return row["person_url"]
