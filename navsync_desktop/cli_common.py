"""What every command shares: one JSON document on stdout, one-line errors."""

from __future__ import annotations

import json
import sys


class CommandError(Exception):
    """A command failed for a reason the user can act on (one line)."""


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
