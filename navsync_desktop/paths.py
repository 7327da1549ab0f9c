"""Where NavSync Desktop keeps its files.

platformdirs gives the per-user folders of each OS; ``NAVSYNC_HOME`` puts
everything under one folder instead (tests, support, portable demos). The
folders are owner-only: they hold the store, the log and the demo org.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.private_files import private_folder

APP_NAME = "NavSync Desktop"
APP_AUTHOR = "NavSync"
HOME_ENV = "NAVSYNC_HOME"


class DataFolderError(RuntimeError):
    """A folder for local data cannot be created or written; ``text`` says which and the fix."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def _unusable(folder: Path, error: OSError) -> DataFolderError:
    home = _home()
    if home is not None and home.exists() and not home.is_dir():
        return DataFolderError(
            QT_TRANSLATE_NOOP(
                "Paths",
                "NAVSYNC_HOME is {home}, which is a file, not a folder. Set NAVSYNC_HOME to a "
                "folder (or unset it to use your user folders).",
            ).format(home=str(home))
        )
    return DataFolderError(
        QT_TRANSLATE_NOOP(
            "Paths",
            "The folder {folder} cannot be used ({reason}). Give your user write access to it, "
            "or set NAVSYNC_HOME to a folder you can write.",
        ).format(folder=str(folder), reason=error.strerror or type(error).__name__)
    )


def _folder(home_sub: str, platform_dir: str) -> Path:
    home = _home()
    folder = home / home_sub if home else Path(platform_dir)
    try:
        if home is not None and not home.exists():
            private_folder(home)  # ours only when we create it; a chosen folder keeps its mode
        return private_folder(folder)
    except OSError as error:
        raise _unusable(folder, error) from error


def require_writable(folder: Path) -> Path:
    """``folder`` when a file can be created in it; DataFolderError (with the fix) otherwise."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as error:
        raise _unusable(folder, error) from error
    return folder


def data_dir() -> Path:
    return _folder("data", platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return _folder("logs", platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    return _folder("cache", platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def store_path() -> Path:
    return data_dir() / "navsync.db"


def demo_org_dir() -> Path:
    folder = data_dir() / "demo-org"
    try:
        return private_folder(folder)
    except OSError as error:
        raise _unusable(folder, error) from error


def resources_dir() -> Path:
    """The top-level ``resources/`` folder: beside the package in a checkout,
    inside the bundle when frozen by PyInstaller."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"
