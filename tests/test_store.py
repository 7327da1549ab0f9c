import sqlite3
import subprocess
import sys
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
