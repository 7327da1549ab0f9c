"""Every test runs with its own NAVSYNC_HOME and a real file keyring in a temp folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import keyring
import keyring.core
import pytest

from navsync_desktop.demo_org.scripted_browser import ScriptedBrowser

FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"


def free_port() -> int:
    """A loopback port that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
def store(navsync_home):
    """The program's store in this test's NAVSYNC_HOME."""
    from navsync_desktop import paths
    from navsync_desktop.store import Store

    with Store.open(paths.store_path()) as opened:
        yield opened


@pytest.fixture
def keyring_file(tmp_path):
    return tmp_path / "xdg-data" / "python_keyring" / "keyring_pass.cfg"


# The demo org and a browser stand-in, for the connection tests and the GUI's tests.

DEMO_ACCESS_TOKEN_LIFETIME_S = 2.0  # short, so tests can see tokens expire
DEMO_RECORDS = 200  # contacts: a small org seeds fast


@pytest.fixture
def demo_org(navsync_home):
    """The demo org on a free port, in this test's demo-org folder under NAVSYNC_HOME, with
    short-lived access tokens. It is announced (served.json), so `--demo` commands of this
    test -- in-process or in a subprocess -- use it rather than starting their own."""
    from navsync_desktop import paths
    from navsync_desktop.demo_org.runtime import DemoOrgServer

    server = DemoOrgServer(
        paths.demo_org_dir(),
        port=0,
        records=DEMO_RECORDS,
        access_token_lifetime=DEMO_ACCESS_TOKEN_LIFETIME_S,
        announce=True,
    )
    with server:
        yield server


class BrowserStandIn(ScriptedBrowser):
    """Plays the user's browser in the OAuth login (the product's scripted browser, which the
    tour uses too): ``login`` returns the app's page."""


@pytest.fixture
def browser(demo_org) -> BrowserStandIn:
    return BrowserStandIn(demo_org.endpoint.ca_cert)


def served_demo_org(folder=None):
    """What the CLI and the GUI hand to ConnectionManager as ``demo_org``, for tests: the demo
    org the test serves (announced in its folder). Tests never start one on the fixed default
    port, which other test runs on this machine may use."""
    from navsync_desktop import paths
    from navsync_desktop.demo_org.runtime import served_endpoint

    found = []

    def endpoint():
        if not found:
            found.append(served_endpoint(folder or paths.demo_org_dir()))
        assert found[0] is not None, "the test serves no demo org"
        return found[0]

    return endpoint


def connect_demo(manager, browser, *, username=None, **options):
    """Connects ``manager`` to the demo org, ``browser`` logging in as a user would."""

    def log_in(url: str) -> None:
        browser.login_in_background(url, username=username)

    record = manager.connect(
        demo=True,
        port=free_port(),
        timeout=30,
        open_browser=False,
        on_authorization_url=log_in,
        **options,
    )
    browser.result()
    return record


def app_login(endpoint, browser: BrowserStandIn):
    """The app's side of the OAuth flow, with the browser stand-in logging in. Returns the
    authorization code and the tokens it was exchanged for."""
    from navsync_desktop.salesforce import oauth

    pkce, state = oauth.new_pkce_pair(), oauth.new_state()
    with oauth.LoopbackListener(state, port=free_port()) as listener:
        browser.login_in_background(
            oauth.authorization_url(
                endpoint.login_url,
                client_id=endpoint.client_id,
                redirect_uri=listener.redirect_uri,
                code_challenge=pkce.challenge,
                state=state,
            )
        )
        code = listener.wait(30)
    tokens = oauth.exchange_code(
        endpoint.login_url,
        code=code,
        pkce=pkce,
        client_id=endpoint.client_id,
        redirect_uri=listener.redirect_uri,
        ca_cert=endpoint.ca_cert,
    )
    return code, tokens


# For the GUI tests: locales, the German translation, a gate in a running sync.


@pytest.fixture
def english_locale():
    """US English numbers and dates (200; 1,234; 11/27/2026) while a test runs."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def sync_gate(monkeypatch):
    """A gate at the first Contacts progress; released when the test ends, before the fixtures
    it came after close what the sync uses."""
    from gui_support import SyncGate

    gate = SyncGate(monkeypatch, "Contact")
    yield gate
    gate.release()


GERMAN_TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "navsync_de.ts"


@pytest.fixture
def compiled_german(tmp_path) -> Path:
    """The .qm built from the .ts as `make` builds it, so plain `pytest` tests it too."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    target = tmp_path / "navsync_de.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(GERMAN_TS), "-qm", str(target)], check=True, timeout=300
    )
    return target


@pytest.fixture
def german(compiled_german, qapp):
    """The German translation installed, with German numbers and dates."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled_german))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.c())
