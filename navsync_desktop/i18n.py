"""User-visible text produced below the GUI layer, ready for Qt's translation.

The engine, store and connection layers do not import Qt. They return
``Text`` values made with ``QT_TRANSLATE_NOOP(context, source)`` — the name
``pyside6-lupdate`` extracts from Python sources — and filled in with
``.format(name=value)``. The CLI prints them in English with ``str()``; the
GUI translates the source in its context first (``gui.i18n.translate``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Text:
    context: str
    source: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def format(self, **args: Any) -> Text:
        return replace(self, args={**self.args, **args})

    def render(self, translate_source) -> str:
        """The text with ``translate_source(context, source)`` applied to it and to any
        ``Text`` arguments."""
        args = {
            name: value.render(translate_source) if isinstance(value, Text) else value
            for name, value in self.args.items()
        }
        pattern = translate_source(self.context, self.source)
        return pattern.format(**args) if args else pattern

    def __str__(self) -> str:
        return self.render(lambda _context, source: source)

    def to_json(self) -> dict:
        """A plain form to keep in the store, so it can be translated when shown later."""
        args = {k: v.to_json() if isinstance(v, Text) else v for k, v in self.args.items()}
        return {"context": self.context, "source": self.source, "args": args}

    @classmethod
    def from_json(cls, kept: dict) -> Text:
        args = {
            name: cls.from_json(value) if isinstance(value, dict) and "source" in value else value
            for name, value in kept.get("args", {}).items()
        }
        return cls(kept["context"], kept["source"], args)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:
    return Text(context, source)
