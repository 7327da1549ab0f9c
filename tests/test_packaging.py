"""The packaging files name what really exists, and the frozen build's smoke test works."""

import ast
import configparser
import importlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QIcon

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
SOURCE_PROGRAM = [sys.executable, "-m", "navsync_desktop"]


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


# The frozen build's spec and its smoke test (`make package` runs both)

SPEC = ROOT / "packaging" / "navsync-desktop.spec"
SMOKE_TEST = ROOT / "packaging" / "smoke_test.py"


def _spec_paths() -> list[Path]:
    """The paths the spec builds as `root / "a" / ... ` or `package / ...`."""
    bases = {"root": ROOT, "package": ROOT / "navsync_desktop"}

    def evaluate(node):
        if isinstance(node, ast.Name) and node.id in bases:
            return bases[node.id]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left = evaluate(node.left)
            if left is not None and isinstance(node.right, ast.Constant):
                return left / node.right.value
        return None

    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found = [evaluate(node) for node in ast.walk(tree) if isinstance(node, ast.BinOp)]
    return [path for path in found if path is not None and "*" in path.name]


def test_every_data_file_pattern_of_the_spec_finds_files():
    patterns = _spec_paths()
    assert {pattern.suffix for pattern in patterns} >= {".qm", ".svg", ".lark", ".html"}
    for pattern in patterns:
        assert list(pattern.parent.glob(pattern.name)), f"{pattern} matches nothing"


def test_the_keyring_backends_named_by_string_are_hidden_imports_of_the_spec():
    spec = SPEC.read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_backend = re.search(r"PYTHON_KEYRING_BACKEND=(\S+)", makefile).group(1)
    module = demo_backend.rpartition(".")[0]
    assert f'"{module}"' in spec
    # and the module the demo keyring builds on
    base = importlib.import_module(module).DemoFileKeyring.__mro__[1]
    assert f'"{base.__module__}"' in spec


def test_the_smoke_test_runs_the_whole_job(tmp_path):
    """The script `make package` runs against the frozen binary, run here against the source
    program: every step of the whole job passes, so the script is true to the commands."""
    result = subprocess.run(
        [sys.executable, str(SMOKE_TEST), "--home", str(tmp_path / "home"), *SOURCE_PROGRAM],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line.split("(")[0].removeprefix("ok").strip() for line in result.stdout.splitlines()]
    assert steps[:-1] == [
        "--version",
        "data files",
        "doctor --json",
        "--screenshot in German and English",
        "demo-org serve",
        "connect --demo --no-browser",
        "sync",
        "seats add, settings set writeback.enabled yes",
        "import-linkedin messages.csv",
        "writeback",
        "test-writeback, test-writeback --cleanup",
        "support-bundle",
    ]
    assert "5 sent" in result.stdout and "smoke test passed" in result.stdout
    assert not list((tmp_path / "home").rglob("served.json")), "the demo org was not stopped"


def test_the_smoke_test_judges_the_json_not_only_the_exit_code(tmp_path):
    """A build whose keyring backend is missing exits 0 from doctor but reports a failed
    check: the smoke test fails on it, naming the check."""
    program = tmp_path / "program.py"
    program.write_text(
        "import json, sys\n"
        "if sys.argv[1:] == ['--version']:\n"
        "    sys.exit(print('navsync-desktop 0.1.0'))\n"
        "if sys.argv[1:] == ['doctor', '--json']:\n"
        "    print(json.dumps({'checks': [{'id': 'keyring', 'status': 'fail',\n"
        "        'detail': 'No module named navsync_desktop.demo_keyring'}]}))\n"
        "    sys.exit(0)\n"
        "sys.exit(2)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(SMOKE_TEST), "--home", str(tmp_path / "h"), sys.executable, program],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "FAIL doctor --json: doctor: keyring: fail" in result.stderr


def test_a_keyring_backend_the_build_lacks_is_a_failed_check_not_a_traceback(tmp_path):
    """A frozen build without the module PYTHON_KEYRING_BACKEND names (as the first build
    without the demo keyring was): doctor says so in its keyring check and exits 1."""
    environment = {
        **os.environ,
        "NAVSYNC_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "navsync_desktop.no_such_keyring.Keyring",
    }
    result = subprocess.run(
        [*SOURCE_PROGRAM, "doctor", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    checks = {check["id"]: check for check in json.loads(result.stdout)["checks"]}
    keyring_check = checks["keyring"]
    assert keyring_check["status"] == "fail"
    assert "navsync_desktop.no_such_keyring.Keyring" in keyring_check["finding"]
    assert "ModuleNotFoundError" in keyring_check["finding"]
