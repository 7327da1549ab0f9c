"""doctor names the Debian packages of exactly the libraries Qt's X11 plugin cannot load.

A real shared object stands in for Qt's xcb plugin: compiled here, linked against one library
that exists and against stand-ins of libxcb-icccm.so.4 and libxcb-keysyms.so.1 that are then
deleted, so the system's real ldd reports those two missing and nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from navsync_desktop.engine import qt_libraries
from navsync_desktop.engine.checks import Status
from navsync_desktop.engine.doctor import check_desktop_libraries

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("gcc") or not shutil.which("ldd"),
    reason="needs Linux with gcc and ldd",
)


def _compile(tmp_path, name, *, soname, links=()):
    source = tmp_path / f"{name}.c"
    source.write_text(
        f"int {name.replace('-', '_').replace('.', '_')}_symbol(void) {{ return 1; }}\n"
    )
    target = tmp_path / name
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            "-o",
            str(target),
            str(source),
            f"-Wl,-soname,{soname}",
            "-Wl,--no-as-needed",
            f"-L{tmp_path}",
            *links,
        ],
        check=True,
    )
    return target


@pytest.fixture
def plugin_with_two_missing_libraries(tmp_path):
    stand_ins = []
    for soname in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
        stand_ins.append(_compile(tmp_path, soname, soname=soname))
    links = [f"-l:{path.name}" for path in stand_ins] + ["-lm"]  # libm is really there
    plugin = _compile(tmp_path, "libqxcb.so", soname="libqxcb.so", links=links)
    for path in stand_ins:
        path.unlink()
    return plugin


def test_only_the_libraries_that_cannot_be_loaded_are_named(plugin_with_two_missing_libraries):
    missing = qt_libraries.missing_libraries(plugin_with_two_missing_libraries)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_doctor_names_their_debian_packages_and_no_installed_one(
    plugin_with_two_missing_libraries,
):
    result = check_desktop_libraries(plugin_with_two_missing_libraries, qt_starts=False)
    assert result.status is Status.FAIL
    assert (
        str(result.fix) == "On Debian or Ubuntu: sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in str(result.finding)
    assert "libm" not in str(result.finding) + str(result.fix)


def test_a_window_that_opens_elsewhere_makes_it_a_warning(plugin_with_two_missing_libraries):
    result = check_desktop_libraries(plugin_with_two_missing_libraries, qt_starts=True)
    assert result.status is Status.WARN


def test_a_complete_plugin_passes(tmp_path):
    plugin = _compile(tmp_path, "libqxcb.so", soname="libqxcb.so", links=["-lm"])
    assert check_desktop_libraries(plugin).status is Status.PASS


def test_an_unknown_library_is_named_as_it_is(tmp_path):
    stand_in = _compile(tmp_path, "libunheard-of.so.7", soname="libunheard-of.so.7")
    plugin = _compile(tmp_path, "libqxcb.so", soname="libqxcb.so", links=["-l:libunheard-of.so.7"])
    stand_in.unlink()
    result = check_desktop_libraries(plugin, qt_starts=False)
    assert "libunheard-of.so.7" in str(result.fix)
