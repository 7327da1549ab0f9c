"""Which system libraries Qt's X11 platform plugin cannot load, and the Debian packages that
bring them. No Qt import: the point is to diagnose a Qt that cannot start."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

XCB_PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")

# The libraries Qt 6's xcb plugin loads, by soname, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin as installed with PySide6 (or bundled in the frozen build)."""
    roots = []
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(location) for location in spec.submodule_search_locations)
    if getattr(sys, "frozen", False):
        roots.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "PySide6")
    for root in roots:
        if (root / XCB_PLUGIN).is_file():
            return root / XCB_PLUGIN
    return None


def missing_libraries(plugin: Path) -> list[str] | None:
    """The sonames the dynamic loader cannot find for ``plugin`` (and what it loads in
    turn), or None when this system cannot tell (no ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        listing = subprocess.run(  # noqa: S603 - the system's ldd on Qt's own plugin
            [ldd, str(plugin)], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted(set(_NOT_FOUND.findall(listing)))


def debian_packages(sonames: list[str]) -> tuple[list[str], list[str]]:
    """The packages that bring ``sonames``, and the sonames no known package brings."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in sonames if name in DEBIAN_PACKAGES})
    unknown = [name for name in sonames if name not in DEBIAN_PACKAGES]
    return packages, unknown
