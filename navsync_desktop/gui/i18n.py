"""Loading translations and translating the engine's ``Text`` values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from navsync_desktop import paths
from navsync_desktop.i18n import Text

SUPPORTED_LANGUAGES = ("en", "de")


def translate(text: Text) -> str:
    return text.render(QCoreApplication.translate)


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
