import os
import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import closing

import pytest

from navsync_desktop import paths
from navsync_desktop.store import (
    Store,
    StoreCorruptError,
    StoreLockedError,
    StoreMigrationError,
    StoreTooNewError,
    settings,
)
from navsync_desktop.store.migrations import LATEST_VERSION, MIGRATIONS


def make_version_1_file(path):
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("INSERT INTO settings (key, value) VALUES ('auto_sync_all', 'true')")
        db.execute("PRAGMA user_version = 1")
    db.close()


def test_new_store_is_created_at_latest_schema_with_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "navsync.db") as store:
        assert store.version == LATEST_VERSION
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not list(tmp_path.glob("*.bak")), "a new file has nothing to back up"


def test_old_file_is_migrated_stepwise_keeping_data_and_a_copy(tmp_path):
    path = tmp_path / "navsync.db"
    make_version_1_file(path)

    with Store.open(path) as store:
        assert store.version == LATEST_VERSION
        assert settings.get(store, "auto_sync_all") is True
        assert store.connection.execute("SELECT state FROM connection").fetchone()[0] == (
            "disconnected"
        )

    backup = tmp_path / "navsync.db.v1.bak"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT value FROM settings").fetchone()[0] == "true"
    copy.close()


def test_a_failed_migration_step_says_what_to_do_and_keeps_a_copy(tmp_path, monkeypatch):
    path = tmp_path / "navsync.db"
    make_version_1_file(path)
    broken = [
        *MIGRATIONS[:1],
        "CREATE TABLE connection (id INTEGER); SELECT nonsense FROM nowhere;",
    ]
    monkeypatch.setattr("navsync_desktop.store.database.MIGRATIONS", broken)
    monkeypatch.setattr("navsync_desktop.store.database.LATEST_VERSION", len(broken))

    with pytest.raises(StoreMigrationError) as failed:
        Store.open(path)

    backup = tmp_path / "navsync.db.v1.bak"
    message = str(failed.value)
    assert str(backup) in message and "from schema 1 failed at schema 2" in message
    assert "no such table: nowhere" in message and "Send the log file to support" in message
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "connection" not in tables, "the half-applied step was rolled back"
    with closing(sqlite3.connect(backup)) as copy:  # the copy holds the data as it was
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT value FROM settings").fetchone()[0] == "true"
    with Store.open_readonly(path) as store:  # and the store itself was not moved aside
        assert store.version == 1


def test_a_failed_migration_is_one_line_from_the_cli(navsync_home):
    path = paths.store_path()
    make_version_1_file(path)
    with closing(sqlite3.connect(path)) as db:  # a table in the way of step 2
        db.execute("CREATE TABLE connection (id INTEGER)")
    result = subprocess.run(
        [sys.executable, "-m", "navsync_desktop", "settings", "show"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "navsync.db.v1.bak" in result.stderr and "Traceback" not in result.stderr


def test_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "navsync.db"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.close()
    with pytest.raises(StoreTooNewError, match="newer NavSync Desktop"):
        Store.open(path)


def test_garbage_file_is_kept_aside_with_a_clear_message(tmp_path):
    path = tmp_path / "navsync.db"
    path.write_bytes(b"this is not an SQLite database\x00" * 200)

    with pytest.raises(StoreCorruptError) as caught:
        Store.open(path)

    kept = caught.value.kept_at
    assert kept.exists() and kept.read_bytes().startswith(b"this is not")
    assert str(kept) in str(caught.value) and "moved aside" in str(caught.value)
    with Store.open(path) as store:  # the next start works on a fresh file
        assert store.version == LATEST_VERSION


def test_damaged_pages_are_detected_by_the_integrity_check(tmp_path):
    path = tmp_path / "navsync.db"
    with Store.open(path) as store, store.transaction() as db:
        db.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(f"key{i}", f'"{"x" * 200}"') for i in range(400)],
        )
        db.execute("CREATE INDEX settings_value ON settings (value)")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    page_size = 4096
    data[page_size * 3 : page_size * 3 + 600] = b"\xff" * 600  # scribble over a b-tree page
    path.write_bytes(bytes(data))

    with pytest.raises(StoreCorruptError):
        Store.open(path)
    assert list(tmp_path.glob("navsync.db.corrupt-*"))


def test_second_open_in_same_process_is_refused(tmp_path):
    path = tmp_path / "navsync.db"
    with Store.open(path), pytest.raises(StoreLockedError, match="already using"):
        Store.open(path)


def test_second_running_copy_cannot_write_the_store(tmp_path):
    path = paths.store_path()
    opener = (
        "import sys; from pathlib import Path\n"
        "from navsync_desktop.store import Store, StoreLockedError\n"
        "try:\n    Store.open(Path(sys.argv[1]))\n"
        "except StoreLockedError as e:\n    print(e); sys.exit(3)\n"
    )
    with Store.open(path):
        other = subprocess.run(
            [sys.executable, "-c", opener, str(path)], capture_output=True, text=True, timeout=60
        )
    assert other.returncode == 3, other.stderr
    assert "Another NavSync Desktop is already using" in other.stdout
    again = subprocess.run(
        [sys.executable, "-c", opener, str(path)], capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, "the lock is released when the first copy closes"


def test_lock_of_a_killed_process_does_not_block(tmp_path):
    path = tmp_path / "navsync.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from navsync_desktop.store import Store\n"
            "Store.open(Path(sys.argv[1])); print('open', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    holder.kill()
    holder.wait()
    with Store.open(path) as store:
        assert store.version == LATEST_VERSION


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "navsync_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_store_locked_by_another_program_is_busy_not_damaged(navsync_home):
    """status while another program holds an exclusive lock on the file: it must wait and say
    "busy", and leave the file where it is (a running GUI keeps writing to it)."""
    path = paths.store_path()
    with Store.open(path) as store:
        settings.put(store, "auto_sync_all", True)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
        result = run_cli("status")
    finally:
        holder.close()
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "is busy" in result.stderr and "try again" in result.stderr
    assert sorted(p.name for p in path.parent.iterdir() if "corrupt" in p.name) == []
    with Store.open_readonly(path) as store:
        assert settings.get(store, "auto_sync_all") is True


def test_a_read_only_command_leaves_a_damaged_store_in_place(navsync_home):
    path = paths.store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not an SQLite database\x00" * 200)

    result = run_cli("status")

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "is damaged" in result.stderr and "Start NavSync Desktop" in result.stderr
    assert path.read_bytes().startswith(b"this is not"), "nothing was moved or rewritten"
    assert not list(path.parent.glob("navsync.db.corrupt-*"))


def test_a_writing_command_moves_a_damaged_store_aside_and_goes_on(navsync_home):
    path = paths.store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not an SQLite database\x00" * 200)

    result = run_cli("settings", "set", "salesnav.contract", "advanced")

    assert result.returncode == 0, result.stderr
    assert "has been moved aside" in result.stderr and "new, empty store" in result.stderr
    (kept,) = path.parent.glob("navsync.db.corrupt-*")
    assert kept.read_bytes().startswith(b"this is not")
    with Store.open_readonly(path) as store:
        assert settings.get(store, "salesnav.contract") == "advanced"


def test_a_setting_saved_on_the_gui_thread_survives_a_worker_rollback(tmp_path):
    """A worker's transaction is open when the GUI thread saves a setting; the worker then
    rolls back. The setting must stay: each thread writes through its own connection."""
    store = Store.open(tmp_path / "navsync.db")
    inside, gui_wrote = threading.Event(), threading.Event()

    def watch(statement: str) -> None:  # runs when the GUI thread's INSERT starts
        if "INSERT INTO settings" in statement and "gui" in statement:
            gui_wrote.set()

    def worker() -> None:
        try:
            with store.transaction() as db:
                db.execute("INSERT INTO settings (key, value) VALUES ('worker', '1')")
                inside.set()
                gui_wrote.wait(30)
                raise RuntimeError("the worker's job failed")
        except RuntimeError:
            pass

    try:
        thread = threading.Thread(target=worker)
        thread.start()
        assert inside.wait(30)
        store.connection.set_trace_callback(watch)
        store.connection.execute("INSERT INTO settings (key, value) VALUES ('gui', '\"kept\"')")
        thread.join(30)
        assert settings.get(store, "gui") == "kept"
        assert settings.get(store, "worker") is None, "the worker's own write was rolled back"
    finally:
        gui_wrote.set()
        store.close()


def test_close_closes_the_connections_of_every_thread(tmp_path):
    store = Store.open(tmp_path / "navsync.db")
    opened = []
    worker = threading.Thread(target=lambda: opened.append(store.connection))
    worker.start()
    worker.join()
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        opened[0].execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError):
        store.connection  # noqa: B018 - a closed store opens no new connection


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_store_files_and_folders_are_owner_only_whatever_the_umask(navsync_home):
    previous_umask = os.umask(0o022)  # the usual default, which would give 0644 and 0755
    try:
        path = paths.store_path()
        make_version_1_file(path)
        path.chmod(0o644)  # as an older version left it
        with Store.open(path) as store:  # migrates: keeps a .bak
            settings.put(store, "auto_sync_all", True)
            files = [path, path.with_name("navsync.db-wal"), path.with_name("navsync.db-shm")]
            files += [path.with_name("navsync.db.lock"), path.with_name("navsync.db.v1.bak")]
            for file in files:
                assert mode(file) == 0o600, file
        assert mode(navsync_home) == 0o700
        assert mode(path.parent) == 0o700
    finally:
        os.umask(previous_umask)
