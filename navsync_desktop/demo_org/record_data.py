"""What a record page and the home page show, read from the org: plain data, no HTML.

Everything is read the way the API reads it (``OrgStore.get`` and SOQL), so a page shows exactly
what clients wrote. Values keep their kind (a date, an amount, a link to another record); the
page formats them in its language.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from html.parser import HTMLParser

from simple_salesforce import format_soql

from .derived import note_content
from .errors import ApiError
from .ids import normalize_id
from .record_layouts import (
    ACTIVITY_COLUMNS,
    LAYOUTS,
    NOTE_COLUMNS,
    NOTES_AND_ATTACHMENTS,
    PAST_ACTIVITIES,
    ChildList,
    Layout,
    LayoutField,
    Words,
    column_label,
)
from .schema import FieldDef, SObjectDef
from .store import OrgStore

RELATED_ROWS = 50  # rows a related list shows; its heading counts them all
_LINKS_READ = 200  # a record's note links read for its notes list
_HIDDEN_FIELDS = frozenset({"Id", "IsDeleted", "SystemModstamp"})
_RECENT_OBJECTS = ("Account", "Contact", "Lead", "Opportunity")
_KINDS = {
    "boolean": "yes_no",
    "date": "date",
    "datetime": "datetime",
    "currency": "money",
    "percent": "percent",
    "int": "number",
    "double": "number",
    "textarea": "long",
    "url": "url",
    "email": "email",
}


def record_path(sobject: str, record_id: str) -> str:
    """The record's page on the demo org, as Lightning Experience addresses it."""
    return f"/lightning/r/{sobject}/{record_id}/view"


@dataclass(frozen=True)
class Shown:
    """One value on a page. ``kind`` says how to show it: text, long (several lines), date,
    datetime, money, percent, number, yes_no, url, email, or link (to ``path`` on this org)."""

    kind: str
    value: object
    path: str | None = None


EMPTY = Shown("text", "")


@dataclass(frozen=True)
class RelatedList:
    label: Words
    columns: tuple[Words, ...]
    rows: list[tuple[Shown, ...]]
    total: int  # rows beyond RELATED_ROWS are counted, not shown


@dataclass(frozen=True)
class RecordView:
    sobject: str
    object_label: Words
    name: str
    details: list[tuple[Words, Shown]]
    related: list[RelatedList]


@dataclass(frozen=True)
class RecentRecord:
    object_label: Words
    name: str
    last_modified: str  # Salesforce datetime text
    path: str


class RecordNotFound(LookupError):
    """No such object, or no live record of it with that id."""


class RecordReader:
    def __init__(self, store: OrgStore):
        self._store = store
        schema = store.schema
        self._objects = [obj for obj in schema.values() if not obj.tooling]
        task = schema["Task"]
        self._activity_parents = set(task.fields["WhoId"].reference_to) | set(
            task.fields["WhatId"].reference_to
        )
        links = schema["ContentDocumentLink"]
        self._note_parents = set(links.fields["LinkedEntityId"].reference_to)

    # --- one record -----------------------------------------------------------------------

    def view(self, sobject: str, record_id: str) -> RecordView:
        """The record's page; RecordNotFound for an unknown object, a malformed id, an id of
        another object, or a deleted or missing record."""
        obj = self._object_named(sobject)
        normalized = normalize_id(record_id)
        if normalized is None or not normalized.startswith(obj.key_prefix):
            raise RecordNotFound(record_id)
        try:
            record = self._store.get(obj.name, normalized)
        except ApiError:
            raise RecordNotFound(record_id) from None
        layout = LAYOUTS.get(obj.name) or _describe_layout(obj)
        details = [
            (field.label, shown)
            for field in layout.fields
            if (shown := self._detail(obj, field, record)) is not None
        ]
        return RecordView(
            sobject=obj.name,
            object_label=layout.label,
            name=str(record.get(layout.title) or normalized),
            details=details,
            related=self._related(obj, layout, normalized),
        )

    def _object_named(self, sobject: str) -> SObjectDef:
        try:
            obj = self._store.schema[self._store.canonical_sobject(sobject)]
        except ApiError:
            raise RecordNotFound(sobject) from None
        if obj.tooling:
            raise RecordNotFound(sobject)
        return obj

    def _detail(self, obj: SObjectDef, field: LayoutField, record: dict) -> Shown | None:
        """The shown value of a layout field; None when the org lacks its fields."""
        fdefs = [fdef for name in field.names if (fdef := obj.field(name)) is not None]
        if not fdefs:
            return None
        if len(fdefs) == 1:
            return self._shown(obj, fdefs[0], record.get(fdefs[0].name))
        parts = [str(record[fdef.name]) for fdef in fdefs if record.get(fdef.name)]
        return Shown("text", ", ".join(parts))

    def _shown(self, obj: SObjectDef, fdef: FieldDef, value: object) -> Shown:
        if value is None or value == "":
            return EMPTY
        if fdef.type == "reference":
            return self.link(str(value))
        if fdef.type == "base64":
            return Shown("long", note_text(str(value))) if obj.name == "ContentNote" else EMPTY
        return Shown(_KINDS.get(fdef.type, "text"), value)

    def link(self, record_id: str) -> Shown:
        """A link to a record's page, named as the record is named; the bare id when no live
        record has it."""
        normalized = normalize_id(record_id)
        for obj in self._objects:
            if normalized is None or not normalized.startswith(obj.key_prefix):
                continue
            title = _title_field(obj)
            try:
                record = self._store.get(obj.name, normalized, [title] if title else None)
            except ApiError:
                continue  # objects may share a key prefix (ContentNote, ContentDocument)
            name = record.get(title) if title else None
            return Shown("link", str(name or normalized), record_path(obj.name, normalized))
        return Shown("text", record_id)

    # --- related lists ----------------------------------------------------------------------

    def _related(self, obj: SObjectDef, layout: Layout, record_id: str) -> list[RelatedList]:
        related = []
        if obj.name in self._activity_parents:
            related.append(self._past_activities(record_id))
        if obj.name in self._note_parents:
            related.append(self._notes(record_id))
        related += [self._children(child, record_id) for child in layout.children]
        if obj.name == "ContentNote":
            related.append(self._note_links(record_id))
        return related

    def _past_activities(self, record_id: str) -> RelatedList:
        """Completed tasks on the record (as the Who or the What), newest first."""
        tasks, total = self._first_page(
            "SELECT Id, Subject, ActivityDate, CreatedDate, OwnerId, Owner.Name, CreatedById, "
            "CreatedBy.Name FROM Task WHERE IsClosed = true AND (WhoId = {id} OR WhatId = {id}) "
            "ORDER BY ActivityDate DESC NULLS LAST, CreatedDate DESC",
            id=record_id,
        )
        rows = [
            (
                Shown("date", task["ActivityDate"] or task["CreatedDate"][:10]),
                Shown("link", task["Subject"] or task["Id"], record_path("Task", task["Id"])),
                _user_link(task["OwnerId"], task["Owner"]),
                _user_link(task["CreatedById"], task["CreatedBy"]),
            )
            for task in tasks
        ]
        return RelatedList(PAST_ACTIVITIES, ACTIVITY_COLUMNS, rows, total)

    def _notes(self, record_id: str) -> RelatedList:
        """The notes linked to the record, most recently changed first."""
        links, _ = self._first_page(
            "SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = {id}",
            _LINKS_READ,
            id=record_id,
        )
        note_ids = [link["ContentDocumentId"] for link in links]
        notes, total = [], 0
        if note_ids:
            notes, total = self._first_page(
                "SELECT Id, Title, Content, LastModifiedDate FROM ContentNote "
                "WHERE Id IN {ids} ORDER BY LastModifiedDate DESC, Id DESC",
                ids=note_ids,
            )
        rows = [
            (
                Shown("link", note["Title"], record_path("ContentNote", note["Id"])),
                Shown("datetime", note["LastModifiedDate"]),
                Shown("long", note_text(note["Content"] or "")),
            )
            for note in notes
        ]
        return RelatedList(NOTES_AND_ATTACHMENTS, NOTE_COLUMNS, rows, total)

    def _note_links(self, note_id: str) -> RelatedList:
        """The records a note is linked to (its ContentDocumentLinks)."""
        links, total = self._first_page(
            "SELECT LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId = {id}",
            id=note_id,
        )
        rows = [(self.link(link["LinkedEntityId"]),) for link in links]
        return RelatedList(Words("Related To", "Bezug"), (Words("Name", "Name"),), rows, total)

    def _children(self, child: ChildList, record_id: str) -> RelatedList:
        obj = self._store.schema[child.sobject]
        fdefs = [fdef for name in child.columns if (fdef := obj.field(name)) is not None]
        names = ", ".join(fdef.name for fdef in fdefs)
        # names and the order come from the layout; only the id is a value
        records, total = self._first_page(
            f"SELECT Id, {names} FROM {obj.name} WHERE {child.lookup} = {{id}} "  # noqa: S608
            f"ORDER BY {child.order_by}",
            id=record_id,
        )
        rows = []
        for record in records:
            first, *rest = fdefs
            path = record_path(obj.name, record["Id"])
            name = Shown("link", record[first.name] or record["Id"], path)
            rows.append((name, *(self._shown(obj, fdef, record[fdef.name]) for fdef in rest)))
        columns = tuple(column_label(obj.name, fdef.name, fdef.label) for fdef in fdefs)
        return RelatedList(child.label, columns, rows, total)

    # --- the home page ----------------------------------------------------------------------

    def recent(self, count: int = 10) -> list[RecentRecord]:
        """The most recently modified records of the main objects, newest first."""
        found: list[RecentRecord] = []
        for sobject in _RECENT_OBJECTS:
            title = LAYOUTS[sobject].title
            soql = (
                f"SELECT Id, {title}, LastModifiedDate FROM {sobject} "  # noqa: S608 - layout names
                f"ORDER BY LastModifiedDate DESC LIMIT {count:d}"
            )
            records, _ = self._first_page(soql, count)
            found += [
                RecentRecord(
                    LAYOUTS[sobject].label,
                    record[title],
                    record["LastModifiedDate"],
                    record_path(sobject, record["Id"]),
                )
                for record in records
            ]
        found.sort(key=lambda record: record.last_modified, reverse=True)
        return found[:count]

    def _first_page(
        self, soql: str, size: int = RELATED_ROWS, **values: object
    ) -> tuple[list[dict], int]:
        """The first ``size`` records of a query, and how many it has in all. ``values`` fill
        the query's ``{name}`` places, quoted and escaped."""
        cursor = self._store.query(format_soql(soql, **values))
        try:
            with closing(cursor.pages(size)) as pages:
                return next(pages, []), cursor.total_size
        finally:
            cursor.close()


def _title_field(obj: SObjectDef) -> str | None:
    layout = LAYOUTS.get(obj.name)
    if layout:
        return layout.title
    return next((fdef.name for fdef in obj.fields.values() if fdef.name_field), None)


def _describe_layout(obj: SObjectDef) -> Layout:
    """Every field of an object without a layout here, labelled as in its describe."""
    fields = tuple(
        LayoutField(Words(fdef.label, fdef.label), (fdef.name,))
        for fdef in obj.fields.values()
        if fdef.name not in _HIDDEN_FIELDS and fdef.type != "base64"
    )
    return Layout(Words(obj.label, obj.label), _title_field(obj) or "Id", fields)


def _user_link(user_id: str | None, user: dict | None) -> Shown:
    if not user_id or not user:
        return EMPTY
    return Shown("link", user["Name"], record_path("User", user_id))


class _NoteText(HTMLParser):
    """The text of a note's HTML (Salesforce keeps notes as HTML): paragraphs and line breaks
    become new lines, markup is dropped, entities are decoded."""

    _BREAKS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def note_text(content: str) -> str:
    """What a reader sees of a note: its decoded content without markup."""
    parser = _NoteText()
    parser.feed(note_content(content))
    parser.close()
    lines = "".join(parser.parts).splitlines()
    return "\n".join(line.strip() for line in lines if line.strip())
