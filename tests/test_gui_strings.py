"""No text reaches a widget without going through tr(): the GUI's sources are read for calls
that put text on screen (labels, buttons, titles, tooltips, menus, message boxes, table
headers, accessible names) with a literal of words. The tour's screen checks see what is
shown on the way through; this sees also the screens the tour does not reach (errors, message
boxes).

Exempt, as data rather than wording: the program's name (a brand, the same in every
language) and example values of a field's format (an email, a web address, a file name such as
LinkedIn's messages.csv)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import navsync_desktop.gui as gui

PUTS_TEXT_ON_SCREEN = {
    # widgets built with their text
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    # setters
    "setText",
    "setTitle",
    "setSubTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setButtonText",
    "setInformativeText",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "setTabText",
    "addTab",
    "addItem",
    "addRow",
    "addAction",
    "addMenu",
    "showMessage",
    # message boxes
    "about",
    "critical",
    "information",
    "question",
    "warning",
}
PROGRAM_NAME = "NavSync Desktop"
EXAMPLE_VALUE = re.compile(r"^(\S+@\S+\.\S+|https?://\S+|[\w-]+\.(csv|zip))$")
LOGGERS = {"log", "logger", "logging"}


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return " ".join(_literal(element) or "" for element in node.elts)
    return None


def _called(node: ast.Call) -> tuple[str | None, str | None]:
    """The called name, and the name of what it is called on (``log`` in ``log.warning``)."""
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value.id if isinstance(function.value, ast.Name) else None
        return function.attr, owner
    return getattr(function, "id", None), None


def untranslated_literals(source: str) -> list[tuple[int, str, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name, owner = _called(node)
        if name not in PUTS_TEXT_ON_SCREEN or owner in LOGGERS:
            continue
        for argument in node.args:
            text = _literal(argument)
            if text is None or not re.search(r"[A-Za-z]{2,}", text):
                continue
            if text == PROGRAM_NAME or EXAMPLE_VALUE.match(text):
                continue
            found.append((node.lineno, name, text))
    return found


def test_no_literal_text_reaches_a_widget_without_tr():
    found = [
        f"{path.relative_to(Path(gui.__file__).parent)}:{line}: {name}({text!r})"
        for path in sorted(Path(gui.__file__).parent.rglob("*.py"))
        for line, name, text in untranslated_literals(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_finds_a_label_without_tr():
    source = (
        "label = QLabel('Waiting for Salesforce')\n"
        "button.setText(f'Sync {count} seats')\n"
        "box.setToolTip(self.tr('Fine'))\n"
        "log.warning('not on screen: %s', x)\n"
        "QMessageBox.critical(None, 'NavSync Desktop', text)\n"
        "email.setPlaceholderText('name@example.com')\n"
    )
    assert [(line, name) for line, name, _text in untranslated_literals(source)] == [
        (1, "QLabel"),
        (2, "setText"),
    ]
