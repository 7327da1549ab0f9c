"""The CRM records the sync keeps: one table per sObject, filled through staging tables.

A sync streams rows into TEMP staging tables of the writing connection (short transactions that
take no lock on the store file, so the program's other writes never wait on them), then swaps
each object in with one short transaction together with its watermark. Until that swap the live
tables stay exactly as they were, so a failed or cancelled run changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from navsync_desktop.store.database import Store

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
    return f'temp."stage_{table}"'


def _staged_deletions(table: str) -> str:
    return f'temp."stage_{table}_deleted"'


def create_staging(db: sqlite3.Connection, table: str) -> None:
    """Empty staging tables for ``table``: its rows, and the Ids Salesforce deleted."""
    drop_staging(db, table)
    definitions = ", ".join(f'"{name}" {kind}' for name, kind in columns(db, table))
    db.execute(f"CREATE TABLE {_staged(table)} ({definitions}, PRIMARY KEY (id)) WITHOUT ROWID")
    db.execute(
        f"CREATE TABLE {_staged_deletions(table)} (id TEXT PRIMARY KEY, system_modstamp TEXT)"
    )


def drop_staging(db: sqlite3.Connection, table: str) -> None:
    db.execute(f"DROP TABLE IF EXISTS {_staged(table)}")
    db.execute(f"DROP TABLE IF EXISTS {_staged_deletions(table)}")


def staging_insert(table: str, names: Sequence[str], expressions: Sequence[str]) -> str:
    """INSERT into the staging table; a row read twice (a retried page, the overlap) simply
    replaces itself."""
    quoted = ", ".join(f'"{name}"' for name in names)
    return f"INSERT OR REPLACE INTO {_staged(table)} ({quoted}) VALUES ({', '.join(expressions)})"  # noqa: S608 - schema identifiers


def deletion_insert(table: str) -> str:
    return f"INSERT OR REPLACE INTO {_staged_deletions(table)} (id, system_modstamp) VALUES (?, ?)"  # noqa: S608 - schema identifier


def write_batch(db: sqlite3.Connection, sql: str, rows: Iterable[Sequence]) -> None:
    """One short transaction on the TEMP tables (which locks nothing in the store file)."""
    db.execute("BEGIN")
    try:
        db.executemany(sql, rows)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def staged_watermark(db: sqlite3.Connection, table: str) -> str | None:
    """The newest SystemModstamp among the rows and deletions read."""
    return db.execute(
        f"SELECT max(stamp) FROM (SELECT max(system_modstamp) AS stamp FROM {_staged(table)} "  # noqa: S608 - schema identifiers
        f"UNION ALL SELECT max(system_modstamp) FROM {_staged_deletions(table)})"
    ).fetchone()[0]


def staged_count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {_staged(table)}").fetchone()[0]  # noqa: S608 - schema identifier


def swap(db: sqlite3.Connection, table: str, *, full: bool) -> SwapCounts:
    """Bring the staged rows into the live table; call inside the store's transaction.

    Full: the staged rows are the whole object, so live rows missing from them go. Otherwise
    the staged rows are changes and the staged deletions go. Only rows that differ are
    written, so a full re-read of an unchanged object rewrites nothing.
    """
    names = [name for name, _ in columns(db, table)]
    quoted = ", ".join(f'"{name}"' for name in names)
    same = " AND ".join(f'live."{name}" IS staged."{name}" COLLATE BINARY' for name in names)
    if full:
        deleted = db.execute(
            f'DELETE FROM main."{table}" WHERE id NOT IN (SELECT id FROM {_staged(table)})'  # noqa: S608 - schema identifiers
        ).rowcount
    else:
        deleted = db.execute(
            f'DELETE FROM main."{table}" WHERE id IN (SELECT id FROM {_staged_deletions(table)})'  # noqa: S608 - schema identifiers
        ).rowcount
    changed = db.execute(
        f'INSERT OR REPLACE INTO main."{table}" ({quoted}) '  # noqa: S608 - schema identifiers
        f"SELECT {quoted} FROM {_staged(table)} AS staged WHERE NOT EXISTS "
        f'(SELECT 1 FROM main."{table}" AS live WHERE live.id = staged.id AND {same})'
    ).rowcount
    total = db.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]  # noqa: S608 - schema identifier
    return SwapCounts(changed, deleted, total)


def counts(store: Store) -> dict[str, int]:
    """Records kept per sObject."""
    db = store.connection
    return {
        sobject: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
        for sobject, table in TABLES.items()
    }
