"""Opening the local SQLite store safely.

WAL, foreign keys and a busy timeout on every connection; an integrity check
at open; stepwise migrations with a copy of the file kept first; and a lock
file so that two running copies of the program never write the same store.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store.migrations import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class StoreError(RuntimeError):
    """The store cannot be used; ``text`` says why and what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class StoreLockedError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "Another NavSync Desktop is already using {path}. Close it (or wait for its "
                "command to finish) and try again.",
            ).format(path=str(path))
        )


class StoreCorruptError(StoreError):
    def __init__(self, path: Path, kept_at: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "The local store {path} is damaged and was moved aside to {kept_at}. A new, "
                "empty store is created on the next start; reconnect to Salesforce and sync to "
                "fill it again. Keep the damaged file for support.",
            ).format(path=str(path), kept_at=str(kept_at))
        )
        self.kept_at = kept_at


class StoreTooNewError(StoreError):
    pass


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(
        target,
        uri=uri,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class Store:
    """One open store file. ``Store.open`` for the program, ``Store.open_readonly``
    for commands that only look (they work while the program runs)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, lock: FileLock | None):
        self.path = path
        self.connection = connection
        self._lock = lock

    @classmethod
    def open(cls, path: Path) -> Store:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(path) + ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise StoreLockedError(path) from None
        try:
            connection = cls._open_checked(path)
            _migrate(connection, path)
        except BaseException:
            lock.release()
            raise
        return cls(path, connection, lock)

    @classmethod
    def open_readonly(cls, path: Path) -> Store | None:
        """The store as it is, or None when there is none yet. Never migrates."""
        if not path.exists():
            return None
        connection = cls._open_checked(path, readonly=True)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            connection.close()
            raise _too_new(path, version)
        return cls(path, connection, None)

    @staticmethod
    def _open_checked(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
        target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
        connection = None
        try:
            connection = _connect(target, uri=readonly)
            if not readonly:
                connection.execute("PRAGMA journal_mode = WAL")
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            log.error("store %s unreadable: %s", path, error)
            verdict = str(error)
        if verdict == "ok":
            return connection
        if connection is not None:
            connection.close()
        raise StoreCorruptError(path, _move_aside(path))

    def close(self) -> None:
        self.connection.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def integrity(self) -> str:
        return self.connection.execute("PRAGMA integrity_check").fetchone()[0]


def _move_aside(path: Path) -> Path:
    kept_at = path.with_name(f"{path.name}.corrupt-{_utc_stamp()}")
    path.rename(kept_at)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(kept_at.with_name(kept_at.name + suffix))
    return kept_at


def _too_new(path: Path, version: int) -> StoreTooNewError:
    return StoreTooNewError(
        QT_TRANSLATE_NOOP(
            "Store",
            "{path} was written by a newer NavSync Desktop (schema {version}; this version knows "
            "{latest}). Update NavSync Desktop to use it.",
        ).format(path=str(path), version=version, latest=LATEST_VERSION)
    )


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST_VERSION:
        raise _too_new(path, version)
    if version == LATEST_VERSION:
        return
    if version > 0:
        backup = path.with_name(f"{path.name}.v{version}.bak")
        with sqlite3.connect(backup) as copy:
            connection.backup(copy)
        copy.close()
        log.info("store %s: kept a copy at %s before migrating", path, backup)
    for step in range(version, LATEST_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[step]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        log.info("store %s: migrated to schema %d", path, step + 1)


def _statements(script: str) -> list[str]:
    """Splits a migration into statements (executescript would commit on its own)."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # a ";" inside a string literal keeps going
            statements.append(pending.strip())
            pending = ""
    return [statement for statement in statements if statement.strip("; \n")]
