"""``navsync-desktop doctor``: is this machine able to run NavSync Desktop?"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from navsync_desktop import paths
from navsync_desktop.engine import prerequisites
from navsync_desktop.engine.checks import CheckResult, Status
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, StoreError

QT_PROBE_FLAG = "--probe-qt-platform"
QT_PROBE_TIMEOUT_S = 30


def run_doctor() -> list[CheckResult]:
    return [
        check_python(),
        check_qt(),
        prerequisites.check_keyring(),
        check_folder_writable(
            "data_folder", QT_TRANSLATE_NOOP("Doctor", "Data folder"), paths.data_dir
        ),
        check_folder_writable(
            "log_folder",
            QT_TRANSLATE_NOOP("Doctor", "Log folder"),
            paths.log_dir,
            consequence=QT_TRANSLATE_NOOP("Doctor", "The log goes to stderr only."),
        ),
        check_store(paths.store_path),
    ]


def check_python() -> CheckResult:
    version = platform.python_version()
    ok = sys.version_info >= (3, 11)
    return CheckResult(
        "python",
        QT_TRANSLATE_NOOP("Doctor", "Python"),
        Status.PASS if ok else Status.FAIL,
        QT_TRANSLATE_NOOP("Doctor", "Python {version} on {system}").format(
            version=version, system=platform.platform()
        ),
        None if ok else QT_TRANSLATE_NOOP("Doctor", "Install Python 3.11 or newer."),
    )


def qt_probe_command() -> list[str]:
    """Runs the platform-plugin probe in a child process: a plugin that cannot load
    aborts its process, which must not be ours."""
    if getattr(sys, "frozen", False):
        return [sys.executable, QT_PROBE_FLAG]
    return [sys.executable, "-m", "navsync_desktop", QT_PROBE_FLAG]


def check_qt() -> CheckResult:
    qt_version = metadata.version("PySide6-Essentials")
    platform_name = os.environ.get("QT_QPA_PLATFORM", "")
    try:
        probe = subprocess.run(  # noqa: S603 - our own interpreter and module
            qt_probe_command(), capture_output=True, text=True, timeout=QT_PROBE_TIMEOUT_S
        )
        started = probe.returncode == 0
        detail = (
            probe.stdout.strip() if started else (probe.stderr.strip().splitlines() or ["?"])[-1]
        )
    except subprocess.TimeoutExpired:
        started, detail = False, "timeout"
    if started:
        return CheckResult(
            "qt",
            QT_TRANSLATE_NOOP("Doctor", "Qt"),
            Status.PASS,
            QT_TRANSLATE_NOOP(
                "Doctor", "PySide6 {version}, platform plugin \u201c{plugin}\u201d starts"
            ).format(version=qt_version, plugin=detail),
        )
    return CheckResult(
        "qt",
        QT_TRANSLATE_NOOP("Doctor", "Qt"),
        Status.FAIL,
        QT_TRANSLATE_NOOP(
            "Doctor", "PySide6 {version}: the Qt platform plugin {plugin} does not start ({detail})"
        ).format(version=qt_version, plugin=platform_name or "default", detail=detail),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Install the libraries Qt needs (Debian: libegl1 libxkbcommon-x11-0 libxcb-cursor0 "
            "libfontconfig1), or set QT_QPA_PLATFORM=offscreen for headless commands.",
        ),
    )


def check_folder_writable(
    check_id: str, title: Text, folder: Callable[[], Path], *, consequence: Text | None = None
) -> CheckResult:
    """Whether the folder can be made and written; ``folder`` makes it (and may fail)."""
    try:
        place = paths.require_writable(folder())
    except paths.DataFolderError as error:
        finding = error.text
        if consequence is not None:
            finding = QT_TRANSLATE_NOOP("Doctor", "{problem} {consequence}").format(
                problem=error.text, consequence=consequence
            )
        return CheckResult(
            check_id,
            title,
            Status.FAIL,
            finding,
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Give your user write access to the folder, or set NAVSYNC_HOME to another folder.",
            ),
        )
    return CheckResult(
        check_id,
        title,
        Status.PASS,
        QT_TRANSLATE_NOOP("Doctor", "{folder} is writable").format(folder=str(place)),
    )


def check_store(store_path: Callable[[], Path]) -> CheckResult:
    title = QT_TRANSLATE_NOOP("Doctor", "Local store")
    try:
        path = store_path()
    except paths.DataFolderError:
        return CheckResult(
            "store",
            title,
            Status.WARN,
            QT_TRANSLATE_NOOP("Doctor", "Not checked: the data folder cannot be used."),
            QT_TRANSLATE_NOOP("Doctor", "Fix the data folder first (see above)."),
        )
    try:
        store = Store.open_readonly(path)
    except StoreError as error:
        return CheckResult(
            "store",
            title,
            Status.FAIL,
            error.text,
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Start NavSync Desktop: it moves a damaged file aside (keeping it for support) "
                "and starts with a new store. A busy store needs only a moment.",
            ),
        )
    if store is None:
        return CheckResult(
            "store",
            title,
            Status.PASS,
            QT_TRANSLATE_NOOP(
                "Doctor", "No store yet at {path}; it is created on first use"
            ).format(path=str(path)),
        )
    with store:
        verdict, version = store.integrity(), store.version
    if verdict != "ok":
        return CheckResult(
            "store",
            title,
            Status.FAIL,
            QT_TRANSLATE_NOOP("Doctor", "{path} fails the integrity check: {verdict}").format(
                path=str(path), verdict=verdict
            ),
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Start NavSync Desktop again; it moves the damaged file aside and starts afresh.",
            ),
        )
    return CheckResult(
        "store",
        title,
        Status.PASS,
        QT_TRANSLATE_NOOP("Doctor", "{path} is intact (schema {version})").format(
            path=str(path), version=version
        ),
    )
