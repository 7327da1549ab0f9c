import json
import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from navsync_desktop import __version__

DOCTOR_ITEMS = {"python", "qt", "keyring", "data_folder", "log_folder", "store"}
if sys.platform.startswith("linux"):
    DOCTOR_ITEMS.add("desktop_libraries")  # pass or warn: it depends on this machine


def run_cli(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "navsync_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
    )


def test_version_and_help():
    assert run_cli("--version").stdout.strip() == f"navsync-desktop {__version__}"
    help_text = run_cli("--help").stdout
    for command in ("doctor", "status", "--screenshot", "--demo"):
        assert command in help_text


def test_doctor_json_reports_every_item(navsync_home):
    result = run_cli("doctor", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    checks = {check["id"]: check for check in report["checks"]}
    assert set(checks) == DOCTOR_ITEMS
    assert report["status"] in ("pass", "warn")
    assert all(
        check["status"] == "pass" for check in checks.values() if check["id"] != "desktop_libraries"
    )
    assert checks["qt"]["finding"].endswith("\u201coffscreen\u201d starts")
    # the backend as an admin reads it: where the file is and what it is for
    assert "keyring_pass.cfg, for the demo and tests only" in checks["keyring"]["finding"]
    assert "keyrings.alt" not in checks["keyring"]["finding"]
    assert str(navsync_home / "data") in checks["data_folder"]["finding"]


def test_doctor_fails_on_a_corrupt_store_and_says_what_to_do(navsync_home):
    store_file = navsync_home / "data" / "navsync.db"
    store_file.parent.mkdir(parents=True)
    store_file.write_bytes(b"garbage" * 1000)

    result = run_cli("doctor", "--json")

    assert result.returncode == 1
    store_check = next(c for c in json.loads(result.stdout)["checks"] if c["id"] == "store")
    assert store_check["status"] == "fail"
    assert "damaged" in store_check["finding"] and store_check["fix"]


def test_doctor_without_a_keyring_fails_that_item(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = json.loads(run_cli("doctor", "--json").stdout)
    keyring_check = next(c for c in report["checks"] if c["id"] == "keyring")
    assert report["status"] == "fail"
    assert keyring_check["status"] == "fail"
    assert "Secret Service" in keyring_check["fix"]


def test_status_json_on_a_fresh_machine():
    result = run_cli("status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["state"] == "disconnected"
    assert status["state_label"] == "Disconnected"
    assert status["last_synced"] is None
    assert status["connection"]["org_id"] is None
    assert status["counts"] == {
        "User": 0,
        "UserRole": 0,
        "Account": 0,
        "Contact": 0,
        "Lead": 0,
        "Opportunity": 0,
        "OpportunityContactRole": 0,
        "OpportunityStage": 0,
    }


def test_status_text_names_the_state():
    assert run_cli("status").stdout.splitlines()[0] == "Disconnected · Last synced —"


def test_screenshot_writes_a_picture_of_the_window(tmp_path):
    target = tmp_path / "window.png"
    result = run_cli("--screenshot", str(target))
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert image.width() >= 600 and image.height() >= 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 120, 3)}
    assert len(colours) > 10, "the picture shows text, not an empty frame"


def unusable_homes(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    return {"a file": a_file, "below a file": a_file / "navsync"}


@pytest.mark.parametrize("case", ["a file", "below a file", "read-only folder"])
def test_a_data_folder_that_cannot_be_written_is_one_line_and_doctor_reports_it(
    tmp_path, monkeypatch, case
):
    if case == "read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes into a 0500 folder anyway; the other cases cover it")
        home = tmp_path / "read-only"
        (home / "data").mkdir(parents=True)
        (home / "data").chmod(0o500)
    else:
        home = unusable_homes(tmp_path)[case]
    monkeypatch.setenv("NAVSYNC_HOME", str(home))

    for command in (["status"], ["status", "--json"], ["settings", "show"], ["disconnect"]):
        result = run_cli(*command)
        assert result.returncode == 1, command
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "NAVSYNC_HOME" in result.stderr, result.stderr
        assert result.stdout == ""

    doctor = run_cli("doctor", "--json")
    assert doctor.returncode == 1
    checks = {check["id"]: check for check in json.loads(doctor.stdout)["checks"]}
    assert checks["data_folder"]["status"] == "fail"
    assert "NAVSYNC_HOME" in checks["data_folder"]["finding"] + checks["data_folder"]["fix"]
    assert checks["log_folder"]["status"] == "fail"
    assert "stderr" in checks["log_folder"]["finding"]
    assert "Traceback" not in doctor.stderr


def test_navsync_home_pointing_at_a_file_names_it(tmp_path, monkeypatch):
    home = unusable_homes(tmp_path)["a file"]
    monkeypatch.setenv("NAVSYNC_HOME", str(home))
    result = run_cli("status")
    assert f"NAVSYNC_HOME is {home}, which is a file, not a folder" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_log_files_and_folders_are_owner_only(navsync_home):
    previous_umask = os.umask(0o022)
    try:
        result = run_cli("status")
        assert result.returncode == 0, result.stderr
        log_file = navsync_home / "logs" / "navsync-desktop.log"
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
        for folder in (navsync_home, navsync_home / "logs", navsync_home / "data"):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    finally:
        os.umask(previous_umask)


def test_status_does_not_load_the_demo_org():
    probe = (
        "import sys\n"
        "from navsync_desktop.cli import main\n"
        "code = main(['status'])\n"
        "loaded = [m for m in ('werkzeug', 'lark', 'trustme', 'simple_salesforce') "
        "if m in sys.modules]\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr
