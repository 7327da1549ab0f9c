"""The packaging files name what really exists."""

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QIcon

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"


def test_desktop_entry_starts_the_program_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "navsync-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "navsync-desktop"  # the console script of pyproject
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").exists()
    assert "[project.scripts]\nnavsync-desktop = " in (ROOT / "pyproject.toml").read_text()


def test_appstream_metainfo_points_at_the_desktop_entry():
    component = ET.parse(next(LINUX.glob("*.metainfo.xml"))).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("launchable") == "navsync-desktop.desktop"
    assert component.findtext("provides/binary") == "navsync-desktop"


def test_the_icon_renders(qapp):
    icon = QIcon(str(ROOT / "resources" / "icons" / "navsync-desktop.svg"))
    assert not icon.pixmap(64, 64).isNull()
