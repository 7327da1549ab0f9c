"""Fields Salesforce computes itself, in one place for seeded and API-written records alike.

Closed and won flags come from the picklist metadata (the rows of OpportunityStage and
TaskStatus are seeded from the same tables), names from their parts, note previews from the
note's content.
"""

from __future__ import annotations

import base64

from .schema import STAGES, TASK_STATUSES

_STAGES = {stage[0]: stage[1:] for stage in STAGES}  # name -> (probability, forecast, closed, won)
_CLOSED_TASK_STATUSES = frozenset(name for name, closed in TASK_STATUSES if closed)


def derive(sobject: str, record: dict) -> None:
    """Set the derived fields of a record of ``sobject`` (stored form: booleans as 0/1)."""
    if sobject in ("Contact", "Lead"):
        record["Name"] = " ".join(
            part for part in (record.get("FirstName"), record["LastName"]) if part
        )
    elif sobject == "Opportunity":
        probability, forecast, closed, won = _STAGES[record["StageName"]]
        if record.get("Probability") is None:
            record["Probability"] = probability
        record.update(IsClosed=int(closed), IsWon=int(won), ForecastCategoryName=forecast)
        amount = record.get("Amount")
        record["ExpectedRevenue"] = None if amount is None else amount * record["Probability"] / 100
    elif sobject == "Task":
        record["IsClosed"] = int(record.get("Status") in _CLOSED_TASK_STATUSES)
    elif sobject == "ContentNote":
        content = record.get("Content")
        preview = None if content is None else note_content(content)[:255]
        record.update(FileType="SNOTE", TextPreview=preview)


def note_content(content: str) -> str:
    """A note's content as text: the API sends it base64-encoded."""
    try:
        return base64.b64decode(content, validate=True).decode("utf-8")
    except ValueError:  # not base64 (binascii.Error, non-ASCII text) or not UTF-8
        return content  # clients may send plain text instead of base64
