import json
import os
import subprocess
import sys

from PySide6.QtGui import QImage

from navsync_desktop import __version__

DOCTOR_ITEMS = {"python", "qt", "keyring", "data_folder", "log_folder", "store"}


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
    assert report["status"] == "pass"
    assert all(check["status"] == "pass" for check in checks.values())
    assert checks["qt"]["finding"].endswith("\u201coffscreen\u201d starts")
    assert "PlaintextKeyring" in checks["keyring"]["finding"]
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
