"""The settings an admin may change from the command line, with their allowed values."""

from __future__ import annotations

from contextlib import suppress
from enum import StrEnum

from navsync_desktop.engine.prerequisites import CONTRACT_SETTING, SEAT_SETTING, AdminSeat, Contract
from navsync_desktop.store import Store, settings

CHOICES: dict[str, type[StrEnum]] = {CONTRACT_SETTING: Contract, SEAT_SETTING: AdminSeat}
# The port the program starts the demo org on (chosen on the Connect page, or --demo-port).
DEMO_PORT_SETTING = "demo.port"


class UnknownSettingError(ValueError):
    pass


def change(store: Store, key: str, value: str) -> None:
    choices = CHOICES.get(key)
    if choices is None:
        raise UnknownSettingError(f"unknown setting {key!r}; known: {', '.join(sorted(CHOICES))}")
    allowed = [choice.value for choice in choices]
    if choices is Contract:
        with suppress(ValueError):  # refused below, with the list of today's names
            value = Contract.parse(value).value
    if value not in allowed:
        raise UnknownSettingError(f"{key} must be one of: {', '.join(allowed)}")
    settings.put(store, key, value)


def show(store: Store) -> dict[str, object]:
    stored = settings.all_settings(store)
    return {key: stored.get(key) for key in sorted(CHOICES)} | stored
