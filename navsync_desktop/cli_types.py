"""Argument types shared by every command that takes a port or a number.

Each turns the text into a value or refuses it with a one-line reason, so that no
command reaches the network (or the OS) with a port of 70000 or a timeout of NaN.
"""

from __future__ import annotations

import argparse
import math

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text

MAX_PORT = 65535


def _refuse(text: Text) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(str(text))


def _integer(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise _refuse(
            QT_TRANSLATE_NOOP("Arguments", "{value} is not a whole number").format(value=text)
        ) from None


def port(text: str) -> int:
    """A TCP port, 1-65535 (0, "any free port", makes no redirect URI)."""
    value = _integer(text)
    if not 1 <= value <= MAX_PORT:
        raise _refuse(
            QT_TRANSLATE_NOOP("Arguments", "{value} is not a port number (1-65535)").format(
                value=text
            )
        )
    return value


def positive_int(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise _refuse(
            QT_TRANSLATE_NOOP("Arguments", "{value} is not a number of at least 1").format(
                value=text
            )
        )
    return value


def positive_seconds(text: str) -> float:
    """A finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise _refuse(
            QT_TRANSLATE_NOOP("Arguments", "{value} is not a number of seconds above 0").format(
                value=text
            )
        )
    return value
