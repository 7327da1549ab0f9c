"""Every test runs with its own NAVSYNC_HOME and a real file keyring in a temp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import keyring
import keyring.core
import pytest

FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"


@pytest.fixture(autouse=True)
def navsync_home(tmp_path, monkeypatch):
    home = tmp_path / "navsync-home"
    monkeypatch.setenv("NAVSYNC_HOME", str(home))
    # keyrings.alt keeps its file under $XDG_DATA_HOME/python_keyring
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_KEYRING)
    keyring.core.init_backend()
    yield home
    keyring.core.init_backend()


@pytest.fixture
def keyring_file(tmp_path):
    return tmp_path / "xdg-data" / "python_keyring" / "keyring_pass.cfg"
