"""User-visible text produced below the GUI layer, ready for Qt's translation.

The engine, store and connection layers do not import Qt. They return
``Text`` values made with ``QT_TRANSLATE_NOOP(context, source)`` — the name
``pyside6-lupdate`` extracts from Python sources — and filled in with
``.format(name=value)``. Quantities (``Number``) and moments (``datetime``)
stay values in the arguments: the CLI prints them in English with ``str()``;
the GUI translates the source in its context and writes them in the user's
locale (``gui.i18n.translate``). Plain ints (ports, years, ids) are written as
they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

TranslateSource = Callable[[str, str], str]
FormatValue = Callable[[Any], Any]


@dataclass(frozen=True)
class Number:
    """A quantity, written with the locale's digit grouping: 114,170 / 114.170."""

    value: int | float


def english_value(value: Any) -> Any:
    """How the CLI writes a value: 114,170 and 2026-11-27 14:02 (local time)."""
    if isinstance(value, Number):
        return f"{value.value:,}"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value


@dataclass(frozen=True)
class Text:
    context: str
    source: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def format(self, **args: Any) -> Text:
        return replace(self, args={**self.args, **args})

    def render(
        self, translate_source: TranslateSource, format_value: FormatValue = english_value
    ) -> str:
        """The text with ``translate_source(context, source)`` applied to it and to any
        ``Text`` arguments, and every other argument written by ``format_value``."""
        args = {
            name: value.render(translate_source, format_value)
            if isinstance(value, Text)
            else format_value(value)
            for name, value in self.args.items()
        }
        pattern = translate_source(self.context, self.source)
        return pattern.format(**args) if args else pattern

    def __str__(self) -> str:
        return self.render(lambda _context, source: source)

    def to_json(self) -> dict:
        """A plain form to keep in the store, so it can be translated when shown later."""
        args = {name: _value_to_json(value) for name, value in self.args.items()}
        return {"context": self.context, "source": self.source, "args": args}

    @classmethod
    def from_json(cls, kept: dict) -> Text:
        args = {name: _value_from_json(value) for name, value in kept.get("args", {}).items()}
        return cls(kept["context"], kept["source"], args)


def _value_to_json(value: Any) -> Any:
    if isinstance(value, Text):
        return value.to_json()
    if isinstance(value, Number):
        return {"number": value.value}
    if isinstance(value, datetime):
        return {"moment": value.isoformat()}
    return value


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict) and "source" in value:
        return Text.from_json(value)
    if isinstance(value, dict) and set(value) == {"number"}:
        return Number(value["number"])
    if isinstance(value, dict) and set(value) == {"moment"}:
        return datetime.fromisoformat(value["moment"])
    return value


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:
    return Text(context, source)
