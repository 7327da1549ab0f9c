import subprocess
import sys
import threading
from dataclasses import replace

import keyring
import keyring.core
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from navsync_desktop import credentials
from navsync_desktop.credentials import SalesforceCredentials

SECRET = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xm7.refresh.SECRET"


def sample() -> SalesforceCredentials:
    return SalesforceCredentials(
        refresh_token=SECRET,
        instance_url="https://northwind.my.salesforce.com",
        client_id="3MVG9demo",
        org_id="00D5g000004ZqKlEAK",
    )


def test_round_trip_through_the_file_keyring(keyring_file):
    credentials.save(sample())

    assert credentials.load("00D5g000004ZqKlEAK") == sample()
    assert "salesforce_3a00d5g000004zqkleak" in keyring_file.read_text(), "one entry per org"
    credentials.delete("00D5g000004ZqKlEAK")
    assert credentials.load("00D5g000004ZqKlEAK") is None
    credentials.delete("00D5g000004ZqKlEAK")  # deleting twice is fine


def test_a_token_saved_on_one_thread_is_never_lost_or_missing_on_another(keyring_file):
    # the GUI renews tokens and probes the keyring on several worker threads at once; the file
    # keyring reads, changes and rewrites its whole file on each save and delete
    credentials.save(sample())
    missing = []
    stop = threading.Event()

    def save_again():
        number = 0
        while not stop.is_set():
            number += 1
            credentials.save(replace(sample(), refresh_token=f"{SECRET}-{number}"))

    def probe():
        while not stop.is_set():
            credentials.keyring_health()

    def read():
        for _ in range(200):
            if credentials.load("00D5g000004ZqKlEAK") is None:
                missing.append(1)

    busy = [threading.Thread(target=save_again), threading.Thread(target=probe)]
    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in busy + readers:
        thread.start()
    for reader in readers:
        reader.join()
    stop.set()
    for thread in busy:
        thread.join()
    assert not missing
    assert credentials.load("00D5g000004ZqKlEAK").refresh_token.startswith(f"{SECRET}-")


def test_the_token_never_shows_in_repr():
    assert SECRET not in repr(sample())
    assert "00D5g000004ZqKlEAK" in repr(sample())


def test_explicitly_chosen_file_keyring_is_healthy():
    health = credentials.keyring_health()
    assert health.usable
    assert "PlaintextKeyring" in health.backend


def test_fail_backend_is_detected_with_a_fix():
    keyring.set_keyring(fail.Keyring())
    health = credentials.keyring_health()
    assert not health.usable
    assert "No usable keyring backend" in str(health.finding)
    assert "Secret Service" in str(health.fix)
    with pytest.raises(credentials.CredentialsError, match="No usable keyring backend"):
        credentials.save(sample())


def test_plaintext_keyring_that_nobody_chose_is_refused(monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    health = credentials.keyring_health()
    assert not health.usable
    assert "unencrypted" in str(health.finding)


class LockedKeyring(KeyringBackend):
    """Stands in for a locked Secret Service: a real one cannot be run and locked here."""

    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("collection is locked")

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("collection is locked")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("collection is locked")


def test_locked_keyring_is_reported_with_how_to_unlock():
    keyring.set_keyring(LockedKeyring())
    health = credentials.keyring_health()
    assert not health.usable
    assert "locked" in str(health.finding)
    assert "Unlock" in str(health.fix)
    with pytest.raises(credentials.CredentialsError, match="locked"):
        credentials.load("00D5g000004ZqKlEAK")


def test_a_damaged_file_keyring_is_one_error_with_the_fix(keyring_file):
    credentials.save(sample())
    keyring_file.write_text("garbage without a section header\n")  # configparser refuses it
    keyring.core.init_backend()
    for attempt in (
        lambda: credentials.load("00D5g000004ZqKlEAK"),
        lambda: credentials.save(sample()),
        lambda: credentials.delete("00D5g000004ZqKlEAK"),
    ):
        with pytest.raises(credentials.CredentialsError) as failed:
            attempt()
        message = str(failed.value)
        # the keyring as an admin knows it (which file), and what went wrong with it
        assert str(keyring_file) in message and "MissingSectionHeaderError" in message
        assert "PYTHON_KEYRING_BACKEND" in message, "the fix comes along"
        assert SECRET not in message


def test_the_demo_keyring_keeps_its_file_in_the_demo_folder_not_in_xdg_data(
    monkeypatch, navsync_home, tmp_path
):
    """`make demo` chooses this backend instead of pointing XDG_DATA_HOME at its folder, which
    the browser it opens would inherit (and write its profile into)."""
    import re
    from pathlib import Path

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "navsync_desktop.demo_keyring.DemoFileKeyring")
    keyring.core.init_backend()
    health = credentials.keyring_health()
    assert health.usable, health.finding
    credentials.save(sample())
    assert (navsync_home / "data" / "demo-keyring.cfg").is_file()
    assert not (tmp_path / "xdg-data" / "python_keyring").exists()
    assert "for the demo and tests only" in str(health.finding)

    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    demo_env = re.search(r"^DEMO_ENV :=(.*?)\n\n", makefile, re.S | re.M).group(1)
    assert "XDG_" not in demo_env
    assert "navsync_desktop.demo_keyring.DemoFileKeyring" in demo_env


def test_the_demo_keyring_loses_no_entry_when_two_programs_save_at_once(monkeypatch):
    """The demo's GUI and a CLI command (or the tour) may save at the same moment; the file
    is read, changed and rewritten whole, so without a lock across processes one save can
    undo the other's."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "navsync_desktop.demo_keyring.DemoFileKeyring")
    saver = (
        "import sys\n"
        "from navsync_desktop import credentials\n"
        "org = sys.argv[1]\n"
        "for number in range(150):\n"
        "    credentials.save(credentials.SalesforceCredentials(\n"
        "        f'token-{org}-{number}', 'https://x.example', 'id', org))\n"
    )
    orgs = ["00D5g000004ZqKaEAK", "00D5g000004ZqKbEAK", "00D5g000004ZqKcEAK"]
    programs = [subprocess.Popen([sys.executable, "-c", saver, org]) for org in orgs]
    assert [program.wait(120) for program in programs] == [0, 0, 0]
    keyring.core.init_backend()
    assert [credentials.load(org).refresh_token for org in orgs] == [
        f"token-{org}-149" for org in orgs
    ]
