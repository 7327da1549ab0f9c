"""The CRM records the sync keeps: one table per sObject, filled through staging tables.

A sync streams rows into a staging table per object (``stage_<table>``, shaped like the live
one but without its indexes) in short transactions, then swaps each object in with one short
transaction together with its watermark. Until that swap the live tables stay exactly as they
were, so a failed or cancelled run changes nothing. Filling an empty table (the first sync)
renames the staging table into place and builds its indexes in one go, which is several times
faster than inserting into indexed tables.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

from navsync_desktop.store.database import Store, connection_settings

TABLES = {
    "User": "crm_user",
    "UserRole": "crm_user_role",
    "Account": "crm_account",
    "Contact": "crm_contact",
    "Lead": "crm_lead",
    "Opportunity": "crm_opportunity",
    "OpportunityContactRole": "crm_opportunity_contact_role",
    "OpportunityStage": "crm_opportunity_stage",
}


@dataclass(frozen=True)
class SwapCounts:
    changed: int  # rows new or different from what was kept
    deleted: int  # rows removed
    total: int  # rows kept afterwards


def columns(db: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of the live table's columns, in order."""
    rows = db.execute("SELECT name, type FROM pragma_table_info(?)", (table,)).fetchall()
    return [(row[0], row[1]) for row in rows]


def _staged(table: str) -> str:
    return f'main."stage_{table}"'


_OTHER_NAME = "__b"  # indexes built on a staging table alternate between two names


def _staged_deletions(table: str) -> str:
    return f'temp."stage_{table}_deleted"'


def _schema_sql(db: sqlite3.Connection, kind: str, table: str) -> list[str]:
    return [sql for _, sql in _schema(db, kind, table)]


def _schema(db: sqlite3.Connection, kind: str, table: str) -> list[tuple[str, str]]:
    rows = db.execute(
        "SELECT name, sql FROM main.sqlite_master "
        "WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
        (kind, table),
    )
    return [(row[0], row[1]) for row in rows]


def live_is_empty(db: sqlite3.Connection, table: str) -> bool:
    return db.execute(f'SELECT 1 FROM main."{table}" LIMIT 1').fetchone() is None  # noqa: S608 - schema identifier


def index_staging(db: sqlite3.Connection, table: str, rows: int) -> None:
    """Build the live table's indexes on the staging table (under the other of two names),
    so that it can take the live table's place by a rename. Done as soon as the object is
    read, while other objects are still arriving. ``rows``: about how many it holds."""
    statements = []
    for name, sql in _schema(db, "index", table):
        other = name.removesuffix(_OTHER_NAME) if name.endswith(_OTHER_NAME) else name + _OTHER_NAME
        on_staging = f'CREATE \\1INDEX "{other}" ON "stage_{table}"'
        statements.append(
            re.sub(r'^CREATE (UNIQUE )?INDEX\s+"?\w+"?\s+ON\s+"?\w+"?', on_staging, sql)
        )
    _build_indexes(db, statements, rows)


def _build_indexes(db: sqlite3.Connection, statements: list[str], rows: int) -> None:
    # CREATE INDEX reads the whole table and sorts its keys. Given a helper thread and small
    # runs (the page cache's size sets theirs), SQLite sorts each run while it reads on: a
    # fifth quicker for 100,000 contacts, but slower below some 50,000 rows.
    parallel = {"threads": 1, "cache_size": -_SORT_RUN_KIB} if rows >= _PARALLEL_SORT_ROWS else {}
    with connection_settings(db, **parallel):
        for statement in statements:
            db.execute(statement)


_PARALLEL_SORT_ROWS = 50_000
_SORT_RUN_KIB = 500  # while indexes are built: the largest run of keys sorted at a time
_MERGE_CACHE_KIB = 16_000  # while changes are merged: pages kept (changes spread widely)


def create_staging(db: sqlite3.Connection, table: str) -> None:
    """Empty staging tables for ``table``: its rows (the live table's definition, no
    indexes), and the Ids Salesforce deleted."""
    drop_staging(db, table)
    definition = _schema_sql(db, "table", table)[0]
    renamed = re.sub(r'^CREATE TABLE\s+"?\w+"?', f"CREATE TABLE {_staged(table)}", definition)
    db.execute(renamed)
    db.execute(
        f"CREATE TABLE {_staged_deletions(table)} (id TEXT PRIMARY KEY, system_modstamp TEXT)"
    )


def drop_staging(db: sqlite3.Connection, table: str) -> None:
    db.execute(f"DROP TABLE IF EXISTS {_staged(table)}")
    db.execute(f"DROP TABLE IF EXISTS {_staged_deletions(table)}")


def staging_insert(table: str, names: Sequence[str], expressions: Sequence[str]) -> str:
    """INSERT into the staging table, for ``write_batch``: ``expressions`` compute the stored
    values from the batch's columns (``column1``, ``column2``, …)."""
    return _insert(_staged(table), names, expressions)


def deletion_insert(table: str) -> str:
    return _insert(_staged_deletions(table), ["id", "system_modstamp"], ["column1", "column2"])


def _insert(target: str, names: Sequence[str], expressions: Sequence[str]) -> str:
    """A row read twice (a retried page, the overlap) simply replaces itself."""
    quoted = ", ".join(f'"{name}"' for name in names)
    return (
        f"INSERT OR REPLACE INTO {target} ({quoted}) "  # noqa: S608 - schema identifiers
        f"SELECT {', '.join(expressions)} FROM (VALUES {_ROWS})"
    )


_ROWS = "{rows}"  # where ``write_batch`` puts the batch's VALUES list
# Rows in one INSERT. Binding a statement's parameters needs the interpreter lock, but SQLite
# then stores all of its rows in one call without it, while the readers parse the next batch.
# (executemany takes the lock back after every row, each time waiting for a reader to yield.)
ROWS_PER_STATEMENT = 1_000


def write_batch(db: sqlite3.Connection, sql: str, rows: Sequence[Sequence]) -> None:
    """``rows`` through ``sql`` from ``staging_insert``, a few statements per batch; inside
    the caller's short transaction."""
    widths = set(map(len, rows))
    if len(widths) > 1:  # a ragged CSV line: never shift values into other columns
        raise sqlite3.ProgrammingError(f"rows of different lengths: {sorted(widths)}")
    if not rows:
        return
    width = widths.pop()
    limit = db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(ROWS_PER_STATEMENT, limit // width))
    for start in range(0, len(rows), per_statement):
        part = rows[start : start + per_statement]
        db.execute(_with_rows(sql, len(part), width), list(chain.from_iterable(part)))


@lru_cache(maxsize=64)
def _with_rows(sql: str, rows: int, width: int) -> str:
    row = f"({', '.join('?' * width)})"
    return sql.replace(_ROWS, ", ".join(repeat(row, rows)))


def swap(db: sqlite3.Connection, table: str, *, full: bool) -> SwapCounts:
    """Bring the staged rows into the live table; call inside the store's transaction.

    Full: the staged rows are the whole object, so live rows missing from them go. Otherwise
    the staged rows are changes and the staged deletions go. Only values that differ are
    written, so a full re-read of an unchanged object rewrites nothing.
    """
    if full and live_is_empty(db, table):
        return _rename_into_place(db, table)
    # The changes touch rows all over the live table and its indexes: a page cache of the
    # default size (2 MB) would write pages out and read them again.
    with connection_settings(db, cache_size=-_MERGE_CACHE_KIB):
        # full: the rows not read again are gone; otherwise the rows Salesforce deleted
        source, test = (_staged(table), "NOT IN") if full else (_staged_deletions(table), "IN")
        deleted = db.execute(
            f'DELETE FROM main."{table}" WHERE id {test} (SELECT id FROM {source})'  # noqa: S608 - schema identifiers
        ).rowcount
        changed = _merge(db, table)
    total = db.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]  # noqa: S608 - schema identifier
    return SwapCounts(changed, deleted, total)


def _merge(db: sqlite3.Connection, table: str) -> int:
    """Insert the new staged rows and update the values that differ; returns the rows new or
    changed. A column of an index is updated on its own, only where it differs: an UPDATE
    rewrites an index whenever it assigns one of its columns, changed or not, and those
    rewrites would be most of the work (a changed title would touch every index)."""
    names = [name for name, _ in columns(db, table)]
    quoted = ", ".join(f'"{name}"' for name in names)
    live, staged = f'main."{table}"', _staged(table)
    indexed = _indexed_columns(db, table)
    others = [name for name in names if name != "id" and name not in indexed]

    def differs(names: list[str]) -> str:
        return " OR ".join(f'live."{name}" IS NOT staged."{name}" COLLATE BINARY' for name in names)

    def where(names: list[str]) -> str:
        # CROSS JOIN: the staged rows drive the loop (a few among many live ones), never a scan
        # of a live index, which SQLite, knowing no table sizes, might choose otherwise
        return (
            f"FROM {staged} AS staged CROSS JOIN {live} AS live "
            f"WHERE live.id = staged.id AND ({differs(names)})"
        )

    groups = ([others] if others else []) + [[name] for name in indexed]
    # one pass counts the rows that differ, and for each group of columns those where it does:
    # a group no row differs in is not updated at all (most changes leave the indexes alone)
    counts = ", ".join(["count(*)", *(f"sum({differs(group)})" for group in groups)])
    changed, *differing = db.execute(f"SELECT {counts} {where(others + indexed)}").fetchone()
    for group, rows in zip(groups, differing, strict=True):
        if rows:
            targets = ", ".join(f'"{name}"' for name in group)
            db.execute(
                f"UPDATE {live} SET ({targets}) = (SELECT {targets} FROM {staged} AS staged "  # noqa: S608 - schema identifiers
                f"WHERE staged.id = {live}.id) WHERE id IN (SELECT staged.id {where(group)})"
            )
    added = db.execute(
        f"INSERT INTO {live} ({quoted}) SELECT {quoted} FROM {staged} AS staged "  # noqa: S608 - schema identifiers
        f"WHERE NOT EXISTS (SELECT 1 FROM {live} AS live WHERE live.id = staged.id)"
    ).rowcount
    return changed + added


def _indexed_columns(db: sqlite3.Connection, table: str) -> list[str]:
    """The columns in the table's own indexes (not its primary key), in a stable order."""
    rows = db.execute(
        "SELECT DISTINCT info.name FROM pragma_index_list(?) AS list, "
        "pragma_index_info(list.name) AS info WHERE list.origin = 'c' ORDER BY info.name",
        (table,),
    )
    return [row[0] for row in rows]


def _rename_into_place(db: sqlite3.Connection, table: str) -> SwapCounts:
    """The empty live table is replaced by the staging table, with its indexes (built now,
    unless ``index_staging`` built them already)."""
    indexes = [] if _schema(db, "index", f"stage_{table}") else _schema_sql(db, "index", table)
    db.execute(f'DROP TABLE main."{table}"')
    db.execute(f'ALTER TABLE {_staged(table)} RENAME TO "{table}"')
    total = db.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]  # noqa: S608 - schema identifier
    _build_indexes(db, indexes, total)
    return SwapCounts(total, 0, total)


def counts(store: Store) -> dict[str, int]:
    """Records kept per sObject."""
    db = store.connection
    return {
        sobject: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
        for sobject, table in TABLES.items()
    }
