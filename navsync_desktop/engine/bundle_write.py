"""Writing a support bundle: one zip with a manifest, a README.txt and one JSON (or text)
file per part. The zip is written next to its target and moved into place, so a failed or
cancelled bundle leaves no half file behind."""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from navsync_desktop import __version__
from navsync_desktop.private_files import private_opener

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"


@dataclass(frozen=True)
class Part:
    name: str  # the file's name in the zip
    description: str  # one line for the manifest and the README (English: for support staff)
    content: object  # JSON-able, or a list of lines for a .txt / .log part

    def data(self) -> bytes:
        if self.name.endswith((".txt", ".log")):
            return ("\n".join(self.content) + "\n").encode("utf-8")
        return (json.dumps(self.content, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def manifest(parts: list[Part], *, created_at: str, personal_data_masked: bool) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "created_at": created_at,
        "app": "NavSync Desktop",
        "app_version": __version__,
        "personal_data_masked": personal_data_masked,
        "contents": [{"file": part.name, "description": part.description} for part in parts],
    }


def readme(parts: list[Part], *, created_at: str, personal_data_masked: bool) -> str:
    masked = (
        "Personal data (names, email addresses, phone numbers, LinkedIn profile URLs, message "
        "subjects and bodies) is masked: each value became a keyed hash with a salt made for "
        "this bundle and not kept, so the same person has the same mask in every file "
        "(person-…, email-…@masked.invalid, phone-…, profile-…, text-…)."
        if personal_data_masked
        else "Personal data is included (the admin chose --include-personal-data)."
    )
    lines = [
        f"NavSync Desktop support bundle, created {created_at} by version {__version__}.",
        "",
        "Files:",
        *(f"  {part.name}: {part.description}" for part in parts),
        f"  {MANIFEST}: format version, creation time, app version, this list",
        "",
        "Never included: access or refresh tokens, Authorization headers, cookies, client "
        "secrets. Org, user and record ids are kept.",
        masked,
        "",
        "Replay on the demo org: navsync-desktop demo-org serve --from-bundle THIS.zip",
    ]
    return "\n".join(lines) + "\n"


def write_bundle(target: Path, parts: list[Part], *, created_at: str, masked: bool) -> list[str]:
    """Write the zip; returns the names of the files in it."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    names = [part.name for part in parts] + [MANIFEST, README]
    try:
        with (
            open(temporary, "wb", opener=private_opener) as file,
            zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for part in parts:
                archive.writestr(part.name, part.data())
            document = manifest(parts, created_at=created_at, personal_data_masked=masked)
            archive.writestr(MANIFEST, json.dumps(document, indent=2) + "\n")
            archive.writestr(
                README, readme(parts, created_at=created_at, personal_data_masked=masked)
            )
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return names
