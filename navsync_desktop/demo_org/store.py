"""The demo org's data: one SQLite file, one table per sObject, shared by all server threads.

Writes go through one connection under a lock; every QueryCursor reads through a connection
of its own inside one read transaction, so a query's pages come from one consistent snapshot
while the org keeps changing (WAL).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import seed
from .derived import derive
from .errors import ApiError, not_found
from .files import owner_only_file, owner_only_folder
from .ids import make_id, normalize_id
from .scenarios import (
    DEFAULT_SCENARIO,
    EMAIL_RULE_MESSAGE,
    SCENARIOS,
    Scenario,
    scenario_from_json,
    scenario_to_json,
)
from .schema import FieldDef, SObjectDef, build_schema
from .soql import CompiledQuery, compile_query
from .soql.compiler import quote
from .values import csv_sql, from_api, now_text, to_json
from .versions import LATEST_VERSION

SCHEMA_VERSION = 3  # 2: ValidationRule in the tooling API; 3: TaskStatus, derived fields
_SYSTEM_FIELDS = ("CreatedById", "LastModifiedById")
LATEST_SOBJECTS_PATH = f"/services/data/v{LATEST_VERSION}/sobjects"


@dataclass(frozen=True)
class _SeedInfo:
    scenario: str
    records: int
    version: int
    definition: str | None = field(default=None, compare=False)  # JSON of the Scenario


class OrgStore:
    def __init__(self, path: Path, scenario: Scenario):
        self.path = path
        self.scenario = scenario
        self.schema = build_schema(scenario)
        self._by_lower = {name.lower(): obj for name, obj in self.schema.items()}
        self._lock = threading.RLock()
        self._conn = _connect(path)
        self._write_depth = 0  # nested _write blocks become savepoints
        # The scenario the file held before this open seeded it anew (its logins are gone).
        self.reseeded_from: str | None = None

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        scenario: str | Scenario | None = None,
        records: int | None = None,
        reset: bool = False,
    ) -> OrgStore:
        """Open the org file, (re)seeding it when it is new, when `reset` is true, or when the
        given scenario/records differ from what it was seeded with. ``scenario``: a named one,
        or a Scenario of its own (a replayed support bundle)."""
        path = Path(path)
        if isinstance(scenario, str) and scenario not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
        seeded = _read_seed_info(path)
        chosen = _chosen_scenario(seeded, scenario)
        wanted = _wanted_seed(seeded, chosen, records)
        reseeding = reset or seeded != wanted
        if reseeding:
            _seed_file(path, chosen, wanted.records)
        store = cls(path, chosen)
        if reseeding and seeded is not None:
            store.reseeded_from = seeded.scenario
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- metadata ------------------------------------------------------------------------------

    def describe_global(self) -> list[dict]:
        return [obj.summary() for obj in self.schema.values() if not obj.tooling]

    def describe(self, sobject: str) -> dict:
        obj = self._object(sobject)
        children = [
            {
                "childSObject": child.name,
                "field": fdef.name,
                "relationshipName": None,
                "cascadeDelete": False,
                "restrictedDelete": False,
                "deprecatedAndHidden": False,
            }
            for child in self.schema.values()
            if not child.tooling
            for fdef in child.fields.values()
            if obj.name in fdef.reference_to and fdef.name not in _SYSTEM_FIELDS
        ]
        return {
            **obj.summary(),
            "fields": [fdef.describe() for fdef in obj.fields.values()],
            "childRelationships": children,
            "recordTypeInfos": [],
        }

    def canonical_sobject(self, name: str) -> str:
        return self._object(name).name

    def sobject_of_id(self, record_id: str) -> str:
        """The writable sObject a record id belongs to, by its key prefix."""
        normalized = normalize_id(record_id)
        if normalized is None:
            raise ApiError(400, "MALFORMED_ID", f"malformed id {record_id}")
        for obj in self.schema.values():
            if obj.writable and not obj.tooling and normalized.startswith(obj.key_prefix):
                return obj.name
        raise ApiError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")

    # --- records -------------------------------------------------------------------------------

    def create(self, sobject: str, fields: dict, *, user_id: str) -> str:
        obj = self._writable(sobject, "inserted")
        values = self._values(obj, fields, creating=True)
        for fdef in obj.fields.values():
            if fdef.default is not None and values.get(fdef.name) is None and fdef.createable:
                values[fdef.name] = int(fdef.default) if fdef.type == "boolean" else fdef.default
        self._require(obj, values)
        self._check_references(obj, values)
        now = now_text()
        values.update(
            IsDeleted=0,
            CreatedDate=now,
            CreatedById=user_id,
            LastModifiedDate=now,
            LastModifiedById=user_id,
            SystemModstamp=now,
        )
        if "OwnerId" in obj.fields and values.get("OwnerId") is None:
            values["OwnerId"] = user_id
        derive(obj.name, values)
        self._validation_rules(obj, values)
        with self._write() as conn:
            values["Id"] = self._next_id(conn, obj.key_prefix)
            record = {name: values.get(name) for name in obj.fields}
            columns = ", ".join(quote(name) for name in record)
            marks = ", ".join("?" for _ in record)
            conn.execute(
                f"INSERT INTO {quote(obj.name)} ({columns}) VALUES ({marks})",  # noqa: S608 - schema identifiers only
                list(record.values()),
            )
        return values["Id"]

    def get(self, sobject: str, record_id: str, fields: list[str] | None = None) -> dict:
        obj = self._object(sobject)
        wanted = (
            [self._field(obj, name) for name in fields] if fields else list(obj.fields.values())
        )
        row = self._row(obj, record_id)
        if row is None or row["IsDeleted"]:
            raise not_found()
        record: dict = {"attributes": {"type": obj.name}}
        record.update({fdef.name: to_json(fdef, row[fdef.name]) for fdef in wanted})
        return record

    def update(self, sobject: str, record_id: str, fields: dict, *, user_id: str) -> None:
        obj = self._writable(sobject, "updated")
        current = self._live_row(obj, record_id)
        changes = self._values(obj, fields, creating=False)
        self._require(obj, changes, only=changes.keys())
        self._check_references(obj, changes)
        record = {**current, **changes}
        now = now_text()
        record.update(LastModifiedDate=now, LastModifiedById=user_id, SystemModstamp=now)
        derive(obj.name, record)
        self._validation_rules(obj, record)
        self._write_back(obj, record)

    def delete(self, sobject: str, record_id: str, *, user_id: str) -> None:
        """Soft delete: the row stays for queryAll with IsDeleted = true."""
        obj = self._writable(sobject, "deleted")
        record = self._live_row(obj, record_id)
        now = now_text()
        record.update(
            IsDeleted=1, LastModifiedDate=now, LastModifiedById=user_id, SystemModstamp=now
        )
        self._write_back(obj, record)

    # --- SOQL ----------------------------------------------------------------------------------

    def query(
        self, soql: str, *, include_deleted: bool = False, counted: bool = True
    ) -> QueryCursor:
        compiled = self.compile(soql, include_deleted=include_deleted)
        return QueryCursor(self.path, compiled, counted=counted)

    def tooling_query(self, soql: str) -> QueryCursor:
        return QueryCursor(self.path, self.compile(soql, tooling=True))

    def compile(
        self, soql: str, *, include_deleted: bool = False, tooling: bool = False
    ) -> CompiledQuery:
        """Parse and check a query against the data objects (or the tooling objects)."""
        queryable = {name for name, obj in self.schema.items() if obj.tooling == tooling}
        today = datetime.now(UTC).date()
        return compile_query(
            soql, self.schema, queryable=queryable, include_deleted=include_deleted, today=today
        )

    # --- API usage -----------------------------------------------------------------------------

    def consume_api_request(self) -> tuple[int, int]:
        maximum = self.scenario.daily_api_max
        with self._write() as conn:
            row = conn.execute(
                "UPDATE _meta SET value = value + 1 WHERE key = 'api_used' AND value < ? "
                "RETURNING value",
                (maximum,),
            ).fetchone()
        if row is None:
            raise ApiError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        return row[0], maximum

    def limits(self) -> dict:
        used = self._meta("api_used")
        maximum = self.scenario.daily_api_max
        return {
            "DailyApiRequests": {"Max": maximum, "Remaining": max(maximum - used, 0)},
            "DailyBulkApiBatches": {"Max": 15000, "Remaining": 15000},
            "DailyBulkV2QueryJobs": {"Max": 10000, "Remaining": 10000},
            "DailyBulkV2QueryFileStorageMB": {"Max": 976562, "Remaining": 976562},
            "DataStorageMB": {"Max": 10240, "Remaining": 9310},
            "FileStorageMB": {"Max": 20480, "Remaining": 20321},
            "SingleEmail": {"Max": 5000, "Remaining": 5000},
        }

    # --- users and the organization ------------------------------------------------------------

    def user_by_username(self, username: str) -> dict | None:
        return self._first_record("User", '"Username" = ?', username)

    def user_by_id(self, user_id: str) -> dict | None:
        normalized = normalize_id(user_id)
        return self._first_record("User", '"Id" = ?', normalized) if normalized else None

    def organization(self) -> dict:
        record = self._first_record("Organization", "1 = 1")
        assert record is not None, "every seeded org has its Organization row"
        return record

    def users_for_login(self) -> list[dict]:
        user = self.schema["User"]
        with self._lock:
            rows = self._conn.execute(
                'SELECT * FROM "User" WHERE "IsActive" = 1 AND "IsDeleted" = 0 ORDER BY "Id"'
            ).fetchall()
        return [_plain(user, row) for row in rows]

    # --- internals -----------------------------------------------------------------------------

    def _object(self, name: str) -> SObjectDef:
        obj = self._by_lower.get(name.lower())
        if obj is None or obj.tooling:
            raise not_found()
        return obj

    def _writable(self, name: str, verb: str) -> SObjectDef:
        obj = self._object(name)
        if not obj.writable:
            raise ApiError(
                400,
                "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
                f"entity type cannot be {verb}: {obj.name}",
            )
        return obj

    @staticmethod
    def _field(obj: SObjectDef, name: str) -> FieldDef:
        fdef = obj.field(name)
        if fdef is None:
            raise ApiError(
                400, "INVALID_FIELD", f"No such column '{name}' on sobject of type {obj.name}"
            )
        return fdef

    def _values(self, obj: SObjectDef, fields: dict, *, creating: bool) -> dict:
        """API JSON fields -> stored values, refusing unknown and read-only fields."""
        values, read_only = {}, []
        for name, value in fields.items():
            if name == "attributes":
                continue
            fdef = self._field(obj, name)
            if not (fdef.createable if creating else fdef.updateable):
                read_only.append(fdef.name)
                continue
            values[fdef.name] = from_api(fdef, value)
        if read_only:
            raise ApiError(
                400,
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                f"Unable to create/update fields: {', '.join(read_only)}. Please check the "
                "security settings of this field and verify that it is read/write for your "
                "profile or permission set.",
                read_only,
            )
        return values

    @staticmethod
    def _require(obj: SObjectDef, values: dict, only=None) -> None:
        missing = [
            fdef.name
            for fdef in obj.fields.values()
            if fdef.createable
            and not fdef.nillable
            and (only is None or fdef.name in only)
            and values.get(fdef.name) is None
        ]
        if missing:
            raise ApiError(
                400,
                "REQUIRED_FIELD_MISSING",
                f"Required fields are missing: [{', '.join(missing)}]",
                missing,
            )

    def _check_references(self, obj: SObjectDef, values: dict) -> None:
        for name, value in values.items():
            fdef = obj.fields[name]
            if fdef.type != "reference" or value is None:
                continue
            if not any(self._exists(target, value) for target in fdef.reference_to):
                raise ApiError(
                    400,
                    "INVALID_CROSS_REFERENCE_KEY",
                    f"{fdef.label}: id value of incorrect type: {value}",
                    [fdef.name],
                )

    def _exists(self, sobject: str, record_id: str) -> bool:
        target = self.schema[sobject]
        if not record_id.startswith(target.key_prefix):
            return False
        with self._lock:
            row = self._conn.execute(
                f'SELECT 1 FROM {quote(sobject)} WHERE "Id" = ? AND "IsDeleted" = 0',  # noqa: S608 - schema identifier
                (record_id,),
            ).fetchone()
        return row is not None

    def _validation_rules(self, obj: SObjectDef, record: dict) -> None:
        # As in Salesforce: a task about a lead belongs to the lead alone (no Related To).
        lead_task = obj.name == "Task" and (record.get("WhoId") or "").startswith("00Q")
        if lead_task and record.get("WhatId"):
            raise ApiError(
                400,
                "FIELD_INTEGRITY_EXCEPTION",
                "Related To ID: a task whose Name is a lead cannot be related to a record",
                ["WhatId"],
            )
        if (
            obj.name == "Contact"
            and self.scenario.contact_email_required
            and not record.get("Email")
        ):
            raise ApiError(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", EMAIL_RULE_MESSAGE, ["Email"])
        for rule in self.scenario.contact_rules if obj.name == "Contact" else ():
            required = rule.required_field
            if required and required in obj.fields and record.get(required) in (None, ""):
                raise ApiError(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message, [required])

    def _row(self, obj: SObjectDef, record_id: str) -> sqlite3.Row | None:
        normalized = normalize_id(record_id)
        if normalized is None or not normalized.startswith(obj.key_prefix):
            return None
        with self._lock:
            return self._conn.execute(
                f'SELECT * FROM {quote(obj.name)} WHERE "Id" = ?',  # noqa: S608 - schema identifier
                (normalized,),
            ).fetchone()

    def _live_row(self, obj: SObjectDef, record_id: str) -> dict:
        row = self._row(obj, record_id)
        if row is None:
            raise not_found()
        if row["IsDeleted"]:
            raise ApiError(404, "ENTITY_IS_DELETED", "entity is deleted", [])
        return dict(row)

    def _write_back(self, obj: SObjectDef, record: dict) -> None:
        names = [name for name in obj.fields if name != "Id"]
        assignments = ", ".join(f"{quote(name)} = ?" for name in names)
        with self._write() as conn:
            conn.execute(
                f'UPDATE {quote(obj.name)} SET {assignments} WHERE "Id" = ?',  # noqa: S608 - schema identifiers
                [*(record.get(name) for name in names), record["Id"]],
            )

    def _first_record(self, sobject: str, condition: str, *params: object) -> dict | None:
        obj = self.schema[sobject]
        with self._lock:
            row = self._conn.execute(
                f'SELECT * FROM {quote(sobject)} WHERE {condition} AND "IsDeleted" = 0 LIMIT 1',  # noqa: S608 - fixed conditions
                params,
            ).fetchone()
        return None if row is None else _plain(obj, row)

    def _meta(self, key: str) -> int:
        with self._lock:
            return self._conn.execute("SELECT value FROM _meta WHERE key = ?", (key,)).fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Every write inside commits together, or none does when the block raises."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; inside another one it is a savepoint of it."""
        with self._lock:
            depth = self._write_depth
            begin, commit, rollback = (
                ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
                if depth == 0
                else (f"SAVEPOINT s{depth}", f"RELEASE s{depth}", f"ROLLBACK TO s{depth}")
            )
            self._conn.execute(begin)
            self._write_depth += 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute(rollback)
                if depth:
                    self._conn.execute(commit)  # a savepoint stays open after ROLLBACK TO
                raise
            else:
                self._conn.execute(commit)
            finally:
                self._write_depth -= 1

    @staticmethod
    def _next_id(conn: sqlite3.Connection, prefix: str) -> str:
        number = conn.execute(
            "UPDATE _ids SET next = next + 1 WHERE prefix = ? RETURNING next - 1", (prefix,)
        ).fetchone()[0]
        return make_id(prefix, number)


class QueryCursor:
    """A compiled query's results, streamed page by page from one read snapshot."""

    def __init__(self, path: Path, compiled: CompiledQuery, *, counted: bool = True):
        self.sobject = compiled.sobject
        self.is_count = compiled.is_count
        self.columns = [".".join(column.path) for column in compiled.columns]
        self._compiled = compiled
        # check_same_thread=False: the server may page through the cursor from another thread
        self._conn = sqlite3.connect(
            _read_only_uri(path), uri=True, check_same_thread=False, isolation_level=None
        )
        self._conn.execute("BEGIN")  # one snapshot for the count and every page
        self.total_size: int | None = None  # not counted: a Bulk job needs no count
        if counted:
            sql, params = compiled.count_sql()
            self.total_size = self._conn.execute(sql, params).fetchone()[0]
        else:
            self._conn.execute("PRAGMA schema_version").fetchone()  # the snapshot starts now

    def pages(self, size: int, sobjects_path: str = LATEST_SOBJECTS_PATH) -> Iterator[list[dict]]:
        """Records in pages of ``size``; ``attributes.url`` starts with ``sobjects_path``
        (the API version's /services/data/vXX.X/sobjects or its tooling twin)."""
        if self.is_count:
            return
        expressions, root = _record_plan(self._compiled)
        sql, params = self._compiled.select_sql(expressions)
        cursor = self._conn.execute(sql, params)
        try:
            while batch := cursor.fetchmany(size):
                yield [_build(root, row, sobjects_path) for row in batch]
        finally:
            cursor.close()

    def csv_lines(self, size: int, delimiter: str, line_ending: str) -> Iterator[list[bytes]]:
        """The records as lines of Bulk 2.0 CSV (every value quoted, UTF-8), in batches of
        ``size``: SQLite writes each whole line, so a record costs no Python work per value
        (and, handed over as bytes, is not decoded only to be encoded again)."""
        if self.is_count:
            return
        values = [csv_sql(column.expression, column.fdef) for column in self._compiled.columns]
        line = f"CAST({_csv_line_sql(values, delimiter, line_ending)} AS BLOB)"
        sql, params = self._compiled.select_sql([line])
        cursor = self._conn.execute(sql, params)
        try:
            while batch := cursor.fetchmany(size):
                yield [row[0] for row in batch]
        finally:
            cursor.close()

    def close(self) -> None:
        self._conn.close()


def _text_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_FORMAT_ARGUMENTS = 100  # SQLite's format() takes at most 127 by default


def _csv_line_sql(values: list[str], delimiter: str, line_ending: str) -> str:
    """SQL for a whole CSV line, every value quoted, from SQL texts: format()'s %w doubles
    the quotes inside a value (one call per line takes half the time of joining the
    values with ||). A wide line is put together from several calls."""
    calls = []
    for start in range(0, len(values), _FORMAT_ARGUMENTS):
        chunk = values[start : start + _FORMAT_ARGUMENTS]
        pattern = delimiter.replace("%", "%%").join(['"%w"'] * len(chunk))
        calls.append(f"format({_text_literal(pattern)}, {', '.join(chunk)})")
    line = f" || {_text_literal(delimiter)} || ".join(calls)
    return f"{line} || {_text_literal(line_ending)}"


# --- building nested records from flat rows -----------------------------------------------------


@dataclass
class _Node:
    """A record (or nested parent record) and where its values sit in the row."""

    sobject: str
    id_index: int  # where the record's Id sits in the row (selected or hidden)
    # (key, row index, child node or None for a plain field, is boolean)
    items: list[tuple[str, int, _Node | None, bool]]


def _record_plan(compiled: CompiledQuery) -> tuple[list[str], _Node]:
    """The SELECT expressions and the record shape. The root and each joined parent add their Id
    as a hidden column: it makes ``attributes.url``, and an empty lookup gives None instead of a
    dict of nulls."""
    expressions = [column.expression for column in compiled.columns]
    joins = {join.path: join for join in compiled.joins}
    expressions.append('t0."Id"')
    root = _Node(compiled.sobject, len(expressions) - 1, [])
    nodes: dict[tuple[str, ...], _Node] = {(): root}
    for index, column in enumerate(compiled.columns):
        node = root
        for depth in range(1, len(column.path)):
            path = column.path[:depth]
            if path not in nodes:
                join = joins[path]
                expressions.append(f'{join.alias}."Id"')
                nodes[path] = _Node(join.sobject, len(expressions) - 1, [])
                node.items.append((path[-1], len(expressions) - 1, nodes[path], False))
            node = nodes[path]
        node.items.append((column.path[-1], index, None, column.fdef.type == "boolean"))
    return expressions, root


def _build(node: _Node, row: tuple, sobjects_path: str) -> dict:
    url = f"{sobjects_path}/{node.sobject}/{row[node.id_index]}"
    record: dict = {"attributes": {"type": node.sobject, "url": url}}
    for key, index, child, is_boolean in node.items:
        value = row[index]
        if child is not None:
            record[key] = None if value is None else _build(child, row, sobjects_path)
        else:
            record[key] = bool(value) if is_boolean and value is not None else value
    return record


def _plain(obj: SObjectDef, row: sqlite3.Row) -> dict:
    return {name: to_json(fdef, row[name]) for name, fdef in obj.fields.items()}


# --- the database file --------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    # owner-only (SQLite gives -wal and -shm the same mode); narrows a file from older versions
    conn = sqlite3.connect(owner_only_file(path), check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _read_seed_info(path: Path) -> _SeedInfo | None:
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM _meta").fetchall())
        finally:
            conn.close()
        return _SeedInfo(
            meta["scenario"], int(meta["records"]), int(meta["version"]), meta.get("definition")
        )
    except (sqlite3.Error, KeyError, ValueError):
        return None  # not an org file we can use: it gets seeded anew


def _chosen_scenario(seeded: _SeedInfo | None, scenario: str | Scenario | None) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    if scenario is not None:
        return SCENARIOS[scenario]
    if seeded is None:
        return SCENARIOS[DEFAULT_SCENARIO]
    if seeded.scenario in SCENARIOS:
        return SCENARIOS[seeded.scenario]
    try:
        return scenario_from_json(seeded.definition or "")
    except (ValueError, TypeError):
        return SCENARIOS[DEFAULT_SCENARIO]  # unreadable: seeded anew as the default


def _wanted_seed(seeded: _SeedInfo | None, scenario: Scenario, records: int | None) -> _SeedInfo:
    if records is None:
        same_scenario = seeded is not None and seeded.scenario == scenario.name
        records = seeded.records if same_scenario else scenario.default_contacts
    return _SeedInfo(scenario.name, records, SCHEMA_VERSION)


def _seed_file(path: Path, scenario: Scenario, records: int) -> None:
    """Seed into a temporary file, then move it into place: a crash never leaves half an org."""
    owner_only_folder(path.parent)
    temporary = path.with_name(path.name + ".seeding")
    temporary.unlink(missing_ok=True)
    schema = build_schema(scenario)
    conn = sqlite3.connect(owner_only_file(temporary), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")  # a fresh file: nothing to roll back to
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-262144")  # 256 MB: bulk inserts stay in memory
        conn.execute("BEGIN")
        _create_tables(conn, schema)
        seed.seed_org(conn, schema, scenario, records, now=datetime.now(UTC))
        _create_indexes(conn, schema)
        api_used = scenario.daily_api_max - scenario.daily_api_remaining
        conn.executemany(
            "INSERT INTO _meta (key, value) VALUES (?, ?)",
            [
                ("scenario", scenario.name),
                ("records", records),
                ("version", SCHEMA_VERSION),
                ("seeded_at", now_text()),
                ("api_used", api_used),
                ("definition", scenario_to_json(scenario)),
            ],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    os.replace(temporary, path)


def _create_tables(conn: sqlite3.Connection, schema: dict[str, SObjectDef]) -> None:
    conn.execute("CREATE TABLE _meta (key TEXT PRIMARY KEY, value)")
    conn.execute("CREATE TABLE _ids (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL)")
    for obj in schema.values():
        if obj.name == "ContentDocument":
            continue
        columns = ", ".join(
            f"{quote(fdef.name)} {fdef.sql_type}{' PRIMARY KEY' if fdef.name == 'Id' else ''}"
            for fdef in obj.fields.values()
        )
        conn.execute(f"CREATE TABLE {quote(obj.name)} ({columns}) WITHOUT ROWID")
    # notes are the only documents, so ContentDocument is a view of them
    document_columns = ", ".join(quote(name) for name in schema["ContentDocument"].fields)
    conn.execute(
        f"CREATE VIEW ContentDocument AS SELECT {document_columns} FROM ContentNote"  # noqa: S608 - schema identifiers
    )


def _create_indexes(conn: sqlite3.Connection, schema: dict[str, SObjectDef]) -> None:
    """Indexes for incremental sync (SystemModstamp), lookups, and matching by email.
    Created after the bulk insert, which is much faster than maintaining them row by row."""
    for obj in schema.values():
        if obj.name == "ContentDocument":
            continue
        for fdef in obj.fields.values():
            indexed = (
                fdef.name in ("SystemModstamp", "Username")
                or fdef.type == "email"
                or (fdef.type == "reference" and fdef.name not in _SYSTEM_FIELDS)
            )
            if indexed:
                conn.execute(
                    f"CREATE INDEX {quote(f'{obj.name}_{fdef.name}')} "
                    f"ON {quote(obj.name)} ({quote(fdef.name)})"
                )
