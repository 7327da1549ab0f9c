"""Where NavSync Desktop keeps its files.

platformdirs gives the per-user folders of each OS; ``NAVSYNC_HOME`` puts
everything under one folder instead (tests, support, portable demos).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "NavSync Desktop"
APP_AUTHOR = "NavSync"
HOME_ENV = "NAVSYNC_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def _folder(home_sub: str, platform_dir: str) -> Path:
    home = _home()
    folder = home / home_sub if home else Path(platform_dir)
    folder.mkdir(parents=True, exist_ok=True)
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
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def resources_dir() -> Path:
    """The top-level ``resources/`` folder: beside the package in a checkout,
    inside the bundle when frozen by PyInstaller."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"
