"""The one writer of a sync: stages every row the readers hand over, then swaps each object in.

Values arrive as Bulk CSV text or REST JSON values, each row followed by its matching keys; the
staging INSERT turns both into the same stored form in SQL (so the two paths give identical
rows): empty text is NULL, "true"/"false" are 1/0, datetimes end in Z, numbers take the
column's type.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import ExitStack
from datetime import UTC, datetime
from operator import itemgetter

from navsync_desktop.engine.sync_plan import ObjectPlan
from navsync_desktop.store import Store, crm_records, sync_state
from navsync_desktop.store.crm_records import SwapCounts
from navsync_desktop.store.database import connection_settings
from navsync_desktop.store.sync_state import ObjectState


def _value_sql(kind: str, number: int) -> str:
    column = f"column{number}"  # how SQLite names the columns of a batch's VALUES list
    value = f"NULLIF({column}, '')"
    if kind == "boolean":
        return f"CASE WHEN {column} IN (1, 'true') THEN 1 WHEN {column} IN (0, 'false') THEN 0 END"
    if kind == "datetime":  # REST says +0000, Bulk says Z: keep one form
        return f"REPLACE({value}, '+0000', 'Z')"
    return value


# Staged rows are committed in groups of about this many (a transaction holds the store's write
# lock, briefly), and whenever the writer has nothing else to do.
COMMIT_ROWS = 10_000
# While a sync writes, the log (WAL) is copied into the database file only when it passes this
# many pages (~100 MB; SQLite's default is 1,000), then once more when the sync ends.
CHECKPOINT_PAGES = 25_000
SYNCHRONOUS_NORMAL = 1  # PRAGMA synchronous = NORMAL


class StagingWriter:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        # per (sObject, CSV header): the INSERT, and where SystemModstamp sits in the rows
        self._inserts: dict[tuple[str, tuple[str, ...] | None], tuple[str, int]] = {}
        # per table: the newest SystemModstamp staged (the next watermark), kept as rows
        # arrive, so that no swap has to read a whole staging table for it
        self._newest: dict[str, str] = {}
        self._uncommitted: int | None = None  # rows in the open transaction, None: none open
        self._settings = ExitStack()

    def __enter__(self) -> StagingWriter:
        # The sync's commits need not wait for the disk: a commit lost to a power cut takes
        # its watermark with it (one transaction), so the next run reads those rows again.
        # WAL keeps the file consistent either way. And copying the log into the database
        # file (a checkpoint, which waits for the disk) every 4 MB would stop the writer
        # again and again: it happens once, at the end. Both settings are the connection's
        # own again afterwards.
        self._settings.enter_context(
            connection_settings(
                self._db, synchronous=SYNCHRONOUS_NORMAL, wal_autocheckpoint=CHECKPOINT_PAGES
            )
        )
        return self

    def __exit__(self, *_exc) -> None:
        if self._uncommitted is not None:
            self._uncommitted = None
            self._db.execute("ROLLBACK")
        self._settings.close()
        # here, on the sync's thread: the next small commit elsewhere (the GUI's) finds the
        # log short and does not copy it instead
        self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def begin(self, plans: list[ObjectPlan]) -> None:
        """(Again) empty staging tables for the objects."""
        self.commit()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for plan in plans:
                crm_records.create_staging(self._db, plan.obj.table)
                self._newest.pop(plan.obj.table, None)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def rows(self, plan: ObjectPlan, header: tuple[str, ...] | None, rows: list) -> None:
        sql, stamp = self._insert(plan, header)
        self._write(sql, rows)
        self._note_newest(plan, map(itemgetter(stamp), rows))

    def deletions(self, plan: ObjectPlan, rows: list[tuple[str, str]]) -> None:
        normalised = [(record_id, stamp.replace("+0000", "Z")) for record_id, stamp in rows]
        self._write(crm_records.deletion_insert(plan.obj.table), normalised)
        self._note_newest(plan, map(itemgetter(1), normalised))

    def _note_newest(self, plan: ObjectPlan, stamps: Iterable[str]) -> None:
        newest = max(filter(None, stamps), default=None)
        if newest:  # REST writes +0000, Bulk Z: compared in the form they are stored in
            newest = newest.replace("+0000", "Z")
            self._newest[plan.obj.table] = max(newest, self._newest.get(plan.obj.table, ""))

    def _write(self, sql: str, rows: list) -> None:
        if self._uncommitted is None:
            self._db.execute("BEGIN IMMEDIATE")
            self._uncommitted = 0
        crm_records.write_batch(self._db, sql, rows)
        self._uncommitted += len(rows)

    def commit_when_due(self) -> None:
        """Commit once enough rows are staged (a transaction holds the store's write lock)."""
        if self._uncommitted is not None and self._uncommitted >= COMMIT_ROWS:
            self.commit()

    def commit(self) -> None:
        if self._uncommitted is not None:
            self._uncommitted = None
            self._db.execute("COMMIT")

    def prepare(self, plan: ObjectPlan) -> None:
        """The object is read completely: when it fills an empty table, build that table's
        indexes now (SQLite works on them while the readers go on), so the swap at the end
        is only a rename."""
        if plan.full and crm_records.live_is_empty(self._db, plan.obj.table):
            self.commit()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                crm_records.index_staging(self._db, plan.obj.table, plan.total)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def discard(self, plans: list[ObjectPlan]) -> None:
        """Drop the objects' staging tables (what was not swapped in is forgotten)."""
        if self._uncommitted is not None:
            self._uncommitted = None
            self._db.execute("ROLLBACK")
        self._db.execute("BEGIN IMMEDIATE")
        for plan in plans:
            crm_records.drop_staging(self._db, plan.obj.table)
        self._db.execute("COMMIT")

    def swap(self, store: Store, plan: ObjectPlan, previous: ObjectState | None) -> SwapCounts:
        """One short transaction: the object's rows and its new watermark together."""
        self.commit()
        table = plan.obj.table
        watermark = self._newest.get(table)
        if not plan.full and previous is not None and previous.watermark:
            watermark = max(filter(None, (watermark, previous.watermark)))
        state = ObjectState(
            plan.sobject,
            watermark,
            plan.fingerprint,
            plan.fields,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        with store.transaction() as db:
            counts = crm_records.swap(db, table, full=plan.full)
            sync_state.save(db, state)
            crm_records.drop_staging(db, table)
        return counts

    def _insert(self, plan: ObjectPlan, header: tuple[str, ...] | None) -> tuple[str, int]:
        key = (plan.sobject, header)
        if key not in self._inserts:
            numbers = plan.positions(header)
            values = {
                item.column: _value_sql(item.type, numbers[item.column] + 1)
                for item in plan.selected
            }
            first_key = len(plan.selected) if header is None else len(header)
            for n, derived in enumerate(plan.obj.derived, start=first_key + 1):
                values[derived.column] = f"column{n}"
            sql = crm_records.staging_insert(plan.obj.table, list(values), list(values.values()))
            self._inserts[key] = sql, numbers["system_modstamp"]
        return self._inserts[key]
