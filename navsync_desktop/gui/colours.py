"""Colours that carry meaning (passed, busy, warning, failed, inactive), picked for the palette in
use: a dark shade on a light window, a light shade on a dark one, so text stays readable (WCAG
contrast 4.5:1 or more) in light and dark desktop themes. The one place with colour values."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Tone(Enum):
    OK = "ok"
    BUSY = "busy"
    WARNING = "warning"
    ERROR = "error"
    INACTIVE = "inactive"


# (on a light background, on a dark background)
_SHADES = {
    Tone.OK: ("#1b6e2d", "#81c995"),
    Tone.BUSY: ("#0d47a1", "#8ab4f8"),
    Tone.WARNING: ("#8a5300", "#fdd17a"),
    Tone.ERROR: ("#b71c1c", "#ff8a80"),
    Tone.INACTIVE: ("#5f5f5f", "#b4b4b4"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    light, dark = _SHADES[tone]
    return QColor(dark if is_dark(palette) else light)


def tone_style(tone: Tone, *, bold: bool = False) -> str:
    """A style sheet rule for a label's text in ``tone``, for the application's palette."""
    weight = " font-weight: bold;" if bold else ""
    return f"color: {tone_colour(tone).name()};{weight}"
