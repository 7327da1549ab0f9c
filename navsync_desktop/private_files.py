"""Folders and files that only their owner may read (POSIX modes 0700 and 0600).

The modes are set explicitly after creating, so the process umask never widens them; files an
older version created with wider modes are narrowed the next time they are opened. On Windows the
per-user folders are private already and ``chmod`` only knows read-only, so nothing is changed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) and make it owner-only."""
    folder.mkdir(parents=True, exist_ok=True)
    if _POSIX and stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        folder.chmod(FOLDER_MODE)
    return folder


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for ``open()``: new files are created owner-only."""
    descriptor = os.open(path, flags, FILE_MODE)
    if _POSIX:
        os.fchmod(descriptor, FILE_MODE)
    return descriptor


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is owner-only, before a library (SQLite) opens it."""
    os.close(private_opener(str(path), os.O_CREAT | os.O_RDWR))
    return path
