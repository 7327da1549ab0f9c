"""The demo org's files are its owner's only (0600, folder 0700): they hold its users and
grants, and the server's private key. Modes are set after creating, whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

_POSIX = os.name == "posix"


def owner_only_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        folder.chmod(0o700)
    return folder


def owner_only_opener(path: str, flags: int) -> int:
    """``open(..., opener=owner_only_opener)`` creates the file 0600."""
    descriptor = os.open(path, flags, 0o600)
    if _POSIX:
        os.fchmod(descriptor, 0o600)
    return descriptor


def owner_only_file(path: Path) -> Path:
    """Create ``path`` if need be and make it 0600 before a library opens it."""
    os.close(owner_only_opener(str(path), os.O_CREAT | os.O_RDWR))
    return path


def write_owner_only(path: Path, data: bytes) -> None:
    with open(path, "wb", opener=owner_only_opener) as out:
        out.write(data)
