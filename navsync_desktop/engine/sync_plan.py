"""Planning a sync, one sObject at a time: which fields, full or incremental, how many rows,
Bulk API 2.0 or REST.

Only fields the describe lists are selected. The fingerprint covers what is read (fields, their
types, the person-account filter): when it changes, the object is read in full again, while a
field added to the org that the sync does not read changes nothing.

An incremental read is one queryAll: the records changed since the watermark, the deleted ones
among them marked by IsDeleted. A ``COUNT()`` decides Bulk or REST where the size is unknown
(the first sync of an object, or a large object read whole); otherwise the read starts through
REST, whose first page says how many records follow, and turns to Bulk when they are many.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from simple_salesforce import format_soql

from navsync_desktop.engine.crm_objects import WON_VALUE, CrmObject
from navsync_desktop.salesforce.errors import SalesforceApiError
from navsync_desktop.salesforce.record_ids import split_id_range
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store.sync_state import ObjectState

# Rows committed in Salesforce while the last run read may carry an earlier SystemModstamp than
# the newest it saw: read again from a little before (the upserts make the overlap harmless).
OVERLAP = timedelta(minutes=5)
# Deleted records stay in the recycle bin (and so in queryAll) for 15 days; after a longer gap
# deletions could be missed, so the object is read in full.
RECYCLE_BIN_DAYS = timedelta(days=14)
# A large object is read as several Bulk jobs over Id ranges (PK chunking), so that one part
# is downloaded and stored while Salesforce still works on the next.
CHUNK_ROWS = 12_500
MAX_CHUNKS = 16
_REQUIRED = ("id", "system_modstamp")
DELETED = "IsDeleted"  # read beside the fields in an incremental read


@dataclass(frozen=True)
class Selected:
    column: str
    field: str  # the SOQL field path, e.g. "Email" or "Profile.Name"
    type: str  # the describe type: string, boolean, datetime, currency, …


@dataclass
class ObjectPlan:
    obj: CrmObject
    selected: list[Selected]
    fields: dict[str, list[str]]  # the object's describe: {name: [type, label]}
    fingerprint: str
    person_filter: bool  # the org has person accounts: they are left out
    full: bool
    since: datetime | None  # incremental: read what changed from here on
    total: int = 0  # rows to read (COUNT(), or the first REST page's totalSize)
    api: str = "rest"  # or "bulk"
    id_boundaries: list[str] = field(default_factory=list)  # Bulk in parts, split at these Ids
    counted: bool = True  # False: ``total`` comes with the first REST page
    bulk_threshold: int = 0  # an uncounted read turns to Bulk from this many rows

    @property
    def sobject(self) -> str:
        return self.obj.sobject

    @property
    def include_deleted(self) -> bool:
        """An incremental read: the deletions come with the changes (queryAll, IsDeleted)."""
        return self.since is not None

    def positions(self, header: tuple[str, ...] | None) -> dict[str, int]:
        """Where each column's value sits in a row: in the order of ``selected`` (REST), or
        by the CSV header (Bulk)."""
        if header is None:
            return {item.column: n for n, item in enumerate(self.selected)}
        position = {name.lower(): n for n, name in enumerate(header)}
        return {item.column: position[item.field.lower()] for item in self.selected}

    def soql(self, id_range: str | None = None) -> str:
        fields = dict.fromkeys(item.field for item in self.selected)  # a field may feed two columns
        if self.include_deleted:
            fields[DELETED] = None
        select = format_soql("SELECT {:literal}", ", ".join(fields))
        return self._with_conditions(select, extra=id_range)

    def id_ranges(self) -> list[str | None]:
        """The conditions of the parts a Bulk read is split into ([None]: one part)."""
        bounds = self.id_boundaries
        if not bounds:
            return [None]
        ranges = [format_soql("Id < {}", bounds[0])]
        ranges += [format_soql("Id >= {} AND Id < {}", low, high) for low, high in pairwise(bounds)]
        return [*ranges, format_soql("Id >= {}", bounds[-1])]

    def edge_id_soql(self, order: str) -> str:
        """The smallest (ASC) or largest (DESC) Id the read covers."""
        query = self._with_conditions("SELECT Id")
        return format_soql("{:literal} ORDER BY Id {:literal} LIMIT 1", query, order)

    def count_soql(self) -> str:
        return self._with_conditions("SELECT COUNT()")

    def _with_conditions(self, select: str, *, extra: str | None = None) -> str:
        conditions = [extra] if extra else []
        if self.person_filter:  # deleted person accounts are left out too: never kept here
            conditions.append("IsPersonAccount = false")
        if self.since is not None:
            conditions.append(format_soql("SystemModstamp >= {}", self.since))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return format_soql("{:literal} FROM {:literal}{:literal}", select, self.sobject, where)


def plan_object(
    session: SalesforceSession,
    obj: CrmObject,
    state: ObjectState | None,
    *,
    won_value_field: str,
    full: bool,
    bulk_threshold: int,
    kept_rows: int = 0,
    now: datetime | None = None,
) -> ObjectPlan:
    """``kept_rows``: how many rows the object has locally (a hint to its size)."""
    describe = session.describe(obj.sobject)
    fields = {field["name"]: [field["type"], field["label"]] for field in describe["fields"]}
    selected = []
    for mapped in obj.all_columns:
        path = won_value_field if mapped.field == WON_VALUE else mapped.field
        kind = _field_type(session, obj.sobject, path)
        if kind is not None:
            selected.append(Selected(mapped.column, path, kind))
        elif mapped.column in _REQUIRED:
            raise SalesforceApiError.from_answer(
                200, "INVALID_FIELD", f"{obj.sobject}.{path} is not readable"
            )
    person_filter = obj.excludes_person_accounts and "IsPersonAccount" in fields
    fingerprint = _fingerprint(selected, person_filter)
    now = now or datetime.now(UTC)
    watermark = state.watermark_time if state else None
    read_in_full = (
        full
        or obj.read_in_full
        or state is None
        or watermark is None
        or state.fingerprint != fingerprint
        or now - watermark > RECYCLE_BIN_DAYS
    )
    plan = ObjectPlan(
        obj,
        selected,
        fields,
        fingerprint,
        person_filter,
        full=read_in_full,
        since=None if read_in_full else watermark - OVERLAP,
        bulk_threshold=bulk_threshold,
    )
    if state is not None and (plan.include_deleted or kept_rows < bulk_threshold // 2):
        plan.counted = False  # changes, or a small object: most likely few, the first page says
        return plan
    plan.total = session.call(lambda sf: sf.query(plan.count_soql()))["totalSize"]
    plan.api = "bulk" if plan.total >= bulk_threshold else "rest"
    if plan.api == "bulk" and plan.total >= 2 * CHUNK_ROWS:
        plan.id_boundaries = _id_boundaries(session, plan)
    return plan


def _id_boundaries(session: SalesforceSession, plan: ObjectPlan) -> list[str]:
    edges = [session.query_all(plan.edge_id_soql(order)) for order in ("ASC", "DESC")]
    if not all(edges):
        return []
    return part_boundaries(edges[0][0]["Id"], edges[1][0]["Id"], plan.total)


def part_boundaries(first_id: str, last_id: str, total: int) -> list[str]:
    """Where the Id ranges of a Bulk read part, for ``total`` records from ``first_id`` to
    ``last_id``: parts of about CHUNK_ROWS, the first of a quarter of that. Its job is the
    one waited for; a small one is ready soonest, and its rows arrive while Salesforce
    prepares the next parts."""
    parts = min(MAX_CHUNKS, -(-total // CHUNK_ROWS))
    bounds = split_id_range(first_id, last_id, parts)
    return split_id_range(first_id, bounds[0], 4)[:1] + bounds if bounds else []


def _field_type(session: SalesforceSession, sobject: str, path: str) -> str | None:
    """The describe type of a field path, or None where the org lacks a part of it."""
    relationship, _, rest = path.partition(".")
    fields = session.describe(sobject)["fields"]
    if not rest:
        return next((f["type"] for f in fields if f["name"] == path), None)
    lookup = next((f for f in fields if f.get("relationshipName") == relationship), None)
    if lookup is None or len(lookup.get("referenceTo") or []) != 1:
        return None
    return _field_type(session, lookup["referenceTo"][0], rest)


def _fingerprint(selected: list[Selected], person_filter: bool) -> str:
    text = json.dumps([[s.column, s.field, s.type] for s in selected] + [person_filter])
    return hashlib.sha256(text.encode()).hexdigest()[:16]
