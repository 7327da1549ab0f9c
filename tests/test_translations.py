"""German is kept complete: every tr() string of the sources is translated."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import GERMAN_TS
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_german_ts_holds_exactly_the_strings_of_the_sources(tmp_path):
    sources = sorted(
        str(path)
        for path in (ROOT / "navsync_desktop").rglob("*.py")
        if "demo_org" not in path.parts
    )
    extracted = tmp_path / "extracted.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(extracted)],
        check=True,
        timeout=300,
    )
    missing = set(messages(extracted)) - set(messages(GERMAN_TS))
    stale = set(messages(GERMAN_TS)) - set(messages(extracted))
    assert not missing, f"run `make update-translations` and translate: {sorted(missing)}"
    assert not stale, f"no longer in the sources: {sorted(stale)}"


def test_every_german_translation_is_finished_and_keeps_placeholders():
    for (context, source), translation in messages(GERMAN_TS).items():
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"unfinished: {where}"
        assert translation.text, f"empty: {where}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)
        ), f"placeholders differ: {where}"
        if re.search(r"&\w", source):
            assert re.search(r"&\w", translation.text), f"keyboard accelerator lost: {where}"


def test_compiled_german_translation_is_used(qapp, compiled_german):
    translator = QTranslator()
    assert translator.load(str(compiled_german))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Status", "Connected to Salesforce") == (
            "Mit Salesforce verbunden"
        )
    finally:
        QCoreApplication.removeTranslator(translator)


# German Salesforce's own names for what the English source names (the system permissions, not
# the object permissions "Alle anzeigen" / "Alle ändern").
GLOSSARY = {
    "View All Data": "Alle Daten anzeigen",
    "Modify All Data": "Alle Daten ändern",
    "less than 30 minutes": "weniger als 30 Minuten",
}


def test_german_uses_salesforce_s_own_terms():
    for (context, source), translation in messages(GERMAN_TS).items():
        for english, german in GLOSSARY.items():
            if english in source:
                assert german in translation.text, f"{context}: {source!r} -> {german!r}"
