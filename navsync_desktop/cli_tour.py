"""`tour --out DIR [--lang de|en]`: the pictures for training material, made by driving the real
wizard and main window (gui/tour.py) against a fresh demo org.

Everything the tour creates lives in a temporary folder of its own (data, log, demo org, the
demo's file keyring) that is deleted afterwards: nothing of the user's setup is touched.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from navsync_desktop import paths
from navsync_desktop.cli_common import CommandError
from navsync_desktop.logs import setup_logging

LANGUAGES = ("en", "de")
DEMO_KEYRING = "navsync_desktop.demo_keyring.DemoFileKeyring"


def add_command(commands) -> None:
    parser = commands.add_parser(
        "tour",
        help="pictures of every setup step and the main window against a fresh demo org, "
        "with an index.html, for training material",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write")
    # SUPPRESS: absent here, the top-level `--lang de tour` still counts
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language (default en)"
    )
    parser.set_defaults(handler=cmd_tour, own_home=True)


def cmd_tour(args: argparse.Namespace) -> int:
    out = args.out.expanduser().resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
        paths.require_writable(out)
    except (OSError, paths.DataFolderError) as error:
        raise CommandError(f"cannot write the tour to {out}: {_reason(error)}") from error
    from navsync_desktop.gui.tour import TourError

    try:
        pictures = make_tour(out, getattr(args, "lang", None) or "en")
    except TourError as error:
        raise CommandError(f"the tour stopped: {error}") from error
    print(f"{len(pictures)} pictures and index.html in {out}")
    return 0


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


@contextmanager
def tour_home() -> Iterator[Path]:
    """A fresh NAVSYNC_HOME and the demo's file keyring inside it, for as long as the tour
    runs; the previous environment and keyring come back afterwards."""
    import keyring

    try:
        from navsync_desktop.demo_keyring import DemoFileKeyring
    except ImportError as error:  # keyrings.alt comes with the `demo` extra
        raise CommandError(
            "the tour needs the demo extra (keyrings.alt): pip install 'navsync-desktop[demo]'"
        ) from error
    # the demo's keyring, chosen on purpose (the program refuses a plaintext file by default)
    names = (paths.HOME_ENV, "PYTHON_KEYRING_BACKEND")
    previous_env = {name: os.environ.get(name) for name in names}
    previous_keyring = keyring.get_keyring()
    with tempfile.TemporaryDirectory(prefix="navsync-tour-") as folder:
        os.environ.update({paths.HOME_ENV: folder, "PYTHON_KEYRING_BACKEND": DEMO_KEYRING})
        keyring.set_keyring(DemoFileKeyring())
        try:
            yield Path(folder)
        finally:
            keyring.set_keyring(previous_keyring)
            for name, value in previous_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            _close_log()


def _close_log() -> None:
    """The tour's log file is in the folder about to be deleted."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "navsync", False):
            root.removeHandler(handler)
            handler.close()


def make_tour(out: Path, language: str, *, records: int | None = None, on_screen=None) -> list:
    """Runs the tour in a fresh home against a fresh demo org (``records`` contacts, default:
    the scenario's); ``on_screen(name, window)`` sees every screen (tests check them)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from navsync_desktop.demo_org.runtime import DemoOrgServer
    from navsync_desktop.demo_org.scripted_browser import ScriptedBrowser
    from navsync_desktop.engine.connection import ConnectionManager
    from navsync_desktop.gui.app import create_application
    from navsync_desktop.gui.app_state import AppState
    from navsync_desktop.gui.i18n import install_translators
    from navsync_desktop.gui.tour import run_tour
    from navsync_desktop.store import Store

    app = QApplication.instance() or create_application("en")
    previous_locale = QLocale()
    translators = install_translators(app, language)
    try:
        with tour_home():
            setup_logging()
            server = DemoOrgServer(paths.demo_org_dir(), port=0, records=records)
            with (
                server,
                Store.open(paths.store_path()) as store,
                ConnectionManager(store, demo_org=lambda: server.endpoint) as manager,
            ):
                browser = ScriptedBrowser(server.endpoint.ca_cert)
                return run_tour(
                    out,
                    AppState(store, manager),
                    browser,
                    language=language,
                    on_screen=on_screen,
                )
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        sys.stdout.flush()
