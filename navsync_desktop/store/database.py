"""Opening the local SQLite store safely.

WAL, foreign keys and a busy timeout on every connection; an integrity check
at open; stepwise migrations with a copy of the file kept first; and a lock
file so that two running copies of the program never write the same store.

The store is shared by the GUI thread and worker threads: each thread gets a
connection of its own (opened on first use), so one thread's transaction never
takes another thread's writes with it. Only the lock holder ever moves a damaged
file aside; a read-only open just says that the file is damaged.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.private_files import FILE_MODE, private_file
from navsync_desktop.store.migrations import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# SQLite's primary result codes (Python 3.11 exposes them on every sqlite3.Error)
_CORRUPTION = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


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
    """The writer found the file damaged and moved it aside; a new store can be opened now."""

    def __init__(self, path: Path, kept_at: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "The local store {path} was damaged and has been moved aside to {kept_at}. "
                "NavSync Desktop now starts with a new, empty store: reconnect to Salesforce and "
                "sync to fill it again. Keep the damaged file for support.",
            ).format(path=str(path), kept_at=str(kept_at))
        )
        self.kept_at = kept_at


class StoreDamagedError(StoreError):
    """A read-only open found the file damaged; nothing was moved."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "The local store {path} is damaged. Start NavSync Desktop: it keeps the damaged "
                "file for support and starts with a new, empty store.",
            ).format(path=str(path))
        )


class StoreBusyError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "The local store {path} is busy: another program is writing to it. Wait a moment "
                "and try again.",
            ).format(path=str(path))
        )


class StoreUnavailableError(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Store",
                "The local store {path} cannot be opened ({reason}). Check that its folder is "
                "writable and the disk is available, then try again.",
            ).format(path=str(path), reason=reason)
        )


class StoreMigrationError(StoreError):
    pass


class StoreTooNewError(StoreError):
    pass


def _result_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # extended codes carry the primary in the low byte


def _not_usable(path: Path, error: sqlite3.Error | OSError) -> StoreError:
    """Busy and I/O trouble as what to do about it (never as damage)."""
    if isinstance(error, sqlite3.Error) and _result_code(error) in _BUSY:
        return StoreBusyError(path)
    reason = error.strerror if isinstance(error, OSError) else str(error)
    return StoreUnavailableError(path, reason or type(error).__name__)


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


class _Connection(sqlite3.Connection):
    """A plain sqlite3 connection that the store can track weakly (the C type cannot be)."""


class Store:
    """One open store file. ``Store.open`` for the program, ``Store.open_readonly``
    for commands that only look (they work while the program runs).

    ``connection`` is the calling thread's own connection; ``transaction`` runs on it.
    Writes outside a transaction commit on their own.
    """

    def __init__(self, path: Path, *, readonly: bool, lock: FileLock | None) -> None:
        self.path = path
        self._readonly = readonly
        self._lock = lock
        self._local = threading.local()
        self._guard = threading.Lock()
        self._connections: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._closed = False

    @classmethod
    def open(cls, path: Path) -> Store:
        lock = FileLock(str(path) + ".lock", mode=FILE_MODE)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire(timeout=0)
            private_file(path)  # SQLite gives -wal and -shm the mode of the main file
        except Timeout:
            raise StoreLockedError(path) from None
        except OSError as error:
            lock.release()
            raise _not_usable(path, error) from error
        store = cls(path, readonly=False, lock=lock)
        try:
            store._check_at_open()
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_readonly(cls, path: Path) -> Store | None:
        """The store as it is, or None when there is none yet. Never migrates, never
        moves anything."""
        if not path.exists():
            return None
        store = cls(path, readonly=True, lock=None)
        try:
            store._check_at_open()
            version = store.version
        except BaseException:
            store.close()
            raise
        if version > LATEST_VERSION:
            store.close()
            raise _too_new(path, version)
        return store

    def _check_at_open(self) -> None:
        """Quick integrity check. Only damage counts as damage: busy, locked, unopenable and
        I/O errors say what to do instead."""
        try:
            connection = self.connection
            if not self._readonly:
                connection.execute("PRAGMA journal_mode = WAL")
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.Error as error:
            if _result_code(error) not in _CORRUPTION:
                log.error("store %s cannot be opened: %s", self.path, error)
                raise _not_usable(self.path, error) from error
            verdict = str(error)
        if verdict == "ok":
            return
        log.error("store %s is damaged: %s", self.path, verdict)
        self._close_connections()
        if self._readonly:
            raise StoreDamagedError(self.path)
        try:
            kept_at = _move_aside(self.path)
        except OSError as error:
            raise _not_usable(self.path, error) from error
        raise StoreCorruptError(self.path, kept_at)

    # connections, one per thread

    @property
    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection, opened on first use."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._new_connection()
            self._local.connection = connection
        return connection

    def _new_connection(self) -> sqlite3.Connection:
        if self._readonly:
            target, uri = f"{self.path.resolve().as_uri()}?mode=ro", True
        else:
            target, uri = str(self.path), False
        with self._guard:
            if self._closed:
                raise sqlite3.ProgrammingError(f"the store {self.path} is closed")
            connection = sqlite3.connect(
                target,
                uri=uri,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # autocommit; transaction() says BEGIN itself
                check_same_thread=False,  # close() may close it from another thread
                factory=_Connection,
            )
            self._connections.add(connection)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    def _close_connections(self) -> None:
        with self._guard:
            connections, self._connections = list(self._connections), weakref.WeakSet()
        for connection in connections:
            connection.close()
        self._local = threading.local()

    def close(self) -> None:
        """Close every thread's connection: call it once no worker uses the store any more."""
        with self._guard:
            self._closed = True
        self._close_connections()
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
        """BEGIN IMMEDIATE … COMMIT on this thread's connection, rolled back on any error."""
        connection = self.connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _result_code(error) in _BUSY:
                raise StoreBusyError(self.path) from error
            raise
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def integrity(self) -> str:
        return self.connection.execute("PRAGMA integrity_check").fetchone()[0]

    # migrations

    def _migrate(self) -> None:
        connection = self.connection
        version = self.version
        if version > LATEST_VERSION:
            raise _too_new(self.path, version)
        backup = None
        if 0 < version < LATEST_VERSION:
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            with closing(sqlite3.connect(private_file(backup))) as copy:
                connection.backup(copy)
            log.info("store %s: kept a copy at %s before migrating", self.path, backup)
        for step in range(version, LATEST_VERSION):
            try:
                _apply_step(connection, step)
            except sqlite3.Error as error:
                log.exception("store %s: migration to schema %d failed", self.path, step + 1)
                raise _migration_failed(self.path, version, step, backup, error) from error
            log.info("store %s: migrated to schema %d", self.path, step + 1)


@contextmanager
def connection_settings(db: sqlite3.Connection, **values: int) -> Iterator[None]:
    """The connection's settings (PRAGMAs, e.g. ``cache_size``) ``values`` for a while; its
    own come back after, whatever happens meanwhile."""
    kept = {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in values}
    for name, value in values.items():
        db.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        for name, value in kept.items():
            db.execute(f"PRAGMA {name} = {int(value)}")


def _apply_step(connection: sqlite3.Connection, step: int) -> None:
    """One migration step in its own transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(MIGRATIONS[step]):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {step + 1}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _migration_failed(
    path: Path, old: int, step: int, backup: Path | None, error: sqlite3.Error
) -> StoreMigrationError:
    if backup is None:
        return StoreMigrationError(
            QT_TRANSLATE_NOOP(
                "Store",
                "Setting up the local store {path} failed at schema {version} ({reason}). Send "
                "the log file to support.",
            ).format(path=str(path), version=step + 1, reason=str(error))
        )
    return StoreMigrationError(
        QT_TRANSLATE_NOOP(
            "Store",
            "Updating the local store {path} from schema {old} failed at schema {version} "
            "({reason}); the file stays at schema {kept}. A copy from before the update is kept "
            "at {backup}. Send the log file to support; NavSync Desktop cannot use the store "
            "until then.",
        ).format(
            path=str(path),
            old=old,
            version=step + 1,
            kept=step,
            reason=str(error),
            backup=str(backup),
        )
    )


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


def _statements(script: str) -> list[str]:
    """Splits a migration into statements (executescript would commit on its own)."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):  # a ";" inside a string literal keeps going
            statements.append(pending.strip())
            pending = ""
    return [statement for statement in statements if statement.strip("; \n")]
