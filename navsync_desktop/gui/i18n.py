"""Loading translations, translating the engine's ``Text`` values, and writing numbers and
dates the way the user's locale writes them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from navsync_desktop import paths
from navsync_desktop.i18n import Number, Text

SUPPORTED_LANGUAGES = ("en", "de")


def format_number(value: int | float) -> str:
    """114.170 in German, 114,170 in English."""
    return QLocale().toString(value)


def datetime_pattern() -> str:
    """The locale's short date and time pattern, with a four-digit year."""
    pattern = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def format_datetime(moment: datetime) -> str:
    """The locale's short date and time, with a four-digit year (27.11.2026 14:02)."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, datetime_pattern())


def format_value(value: Any) -> Any:
    if isinstance(value, Number):
        return format_number(value.value)
    if isinstance(value, datetime):
        return format_datetime(value)
    return value


def translate(text: Text) -> str:
    return text.render(QCoreApplication.translate, format_value)


def describe_error(error: BaseException) -> str:
    """An error as the user should read it: its translated text and fix where it has them."""
    text, fix = getattr(error, "text", None), getattr(error, "fix", None)
    if not isinstance(text, Text):
        return str(error)
    return f"{translate(text)} {translate(fix)}" if isinstance(fix, Text) else translate(text)


def choose_language(requested: str | None) -> str:
    if requested:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED_LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs Qt's own and the program's translations; English is the source language."""
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    installed = []
    sources = [
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("navsync", str(paths.resources_dir() / "translations")),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def format_duration(seconds: float) -> str:
    """2.3 s (2,3 s in German); 1 min 5 s from a minute on."""
    if seconds < 60:
        return f"{QLocale().toString(seconds, 'f', 1)} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"
