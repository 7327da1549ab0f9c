"""Every setting an admin may change, with its default and what it accepts.

Values arrive as text (the command line); each parser turns one into the stored value or
refuses it with a one-line reason. The CRM settings' org-dependent choices are asked for only
when needed (they may need the org).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum

from navsync_desktop.engine import crm_settings, sync_settings, writeback_settings
from navsync_desktop.engine.crm_settings import CrmChoices
from navsync_desktop.engine.prerequisites import CONTRACT_SETTING, SEAT_SETTING, AdminSeat, Contract
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.store import Store, settings

ChoicesProvider = Callable[[], CrmChoices]
# The port the program starts the demo org on (chosen on the Connect page, or --demo-port).
DEMO_PORT_SETTING = "demo.port"
DEFAULT_DEMO_PORT = 18443
_YES = ("yes", "true", "on", "1")
_NO = ("no", "false", "off", "0")


class SettingError(ValueError):
    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def _must_be(key: str, allowed: str) -> SettingError:
    return SettingError(
        QT_TRANSLATE_NOOP("Settings", "{key} must be one of: {allowed}").format(
            key=key, allowed=allowed
        )
    )


def _enum(choices: type[StrEnum]) -> Callable[[str, str, ChoicesProvider], str]:
    def parse(key: str, value: str, _choices: ChoicesProvider) -> str:
        allowed = [choice.value for choice in choices]
        if value not in allowed:
            raise _must_be(key, ", ".join(allowed))
        return value

    return parse


def _contract(key: str, value: str, choices: ChoicesProvider) -> str:
    """Today's name, or the former one ("team", "enterprise"), kept under today's."""
    with suppress(ValueError):
        value = Contract.parse(value).value
    return _enum(Contract)(key, value, choices)


def _yes_no(key: str, value: str, _choices: ChoicesProvider) -> bool:
    if value.lower() in _YES + _NO:
        return value.lower() in _YES
    raise _must_be(key, "yes, no")


def _whole_number(low: int, high: int | None = None):
    def parse(key: str, value: str, _choices: ChoicesProvider) -> int:
        if value.strip().isdigit() and low <= int(value) and (high is None or int(value) <= high):
            return int(value)
        return _refuse_number(key, low, high)

    return parse


def _refuse_number(key: str, low: int, high: int | None):
    if high is None:
        text = QT_TRANSLATE_NOOP("Settings", "{key} must be a whole number of at least {low}")
    else:
        text = QT_TRANSLATE_NOOP("Settings", "{key} must be a whole number from {low} to {high}")
    raise SettingError(text.format(key=key, low=low, high=high))


def _reserve(key: str, value: str, choices: ChoicesProvider) -> int | str:
    if value.strip().lower() == sync_settings.AUTO:
        return sync_settings.AUTO
    return _whole_number(0)(key, value, choices)


def _kinds(key: str, value: str, _choices: ChoicesProvider) -> list[str]:
    parsed = writeback_settings.parse_kinds(value)
    if parsed is None:
        raise _must_be(key, "all, or a comma-separated list of inmail, message, note, call")
    return parsed


def _org_choice(pick: Callable[[CrmChoices], list[str]], what: Text):
    def parse(key: str, value: str, choices: ChoicesProvider) -> str:
        if value == crm_settings.NOT_SURE:
            return value
        offered = choices()
        if not offered.known:
            raise SettingError(
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "The org's {what} are not known yet: connect to Salesforce (and sync) "
                    "first, or choose {not_sure}.",
                ).format(what=what, not_sure=crm_settings.NOT_SURE)
            )
        allowed = pick(offered)
        if value not in allowed:
            raise _must_be(key, ", ".join([*allowed, crm_settings.NOT_SURE]))
        return value

    return parse


_STAGES = QT_TRANSLATE_NOOP("Settings", "opportunity stages")
_CURRENCY_FIELDS = QT_TRANSLATE_NOOP("Settings", "opportunity currency fields")


@dataclass(frozen=True)
class Setting:
    default: object  # None: not set until the admin says
    parse: Callable[[str, str, ChoicesProvider], object]


SETTINGS: dict[str, Setting] = {
    CONTRACT_SETTING: Setting(None, _contract),
    SEAT_SETTING: Setting(None, _enum(AdminSeat)),
    crm_settings.AUTO_SYNC_ALL_SEATS: Setting(True, _yes_no),
    crm_settings.PIPELINE_STAGE: Setting(
        crm_settings.NOT_SURE,
        _org_choice(lambda c: [stage.api_name for stage in c.stages], _STAGES),
    ),
    crm_settings.WON_VALUE_FIELD: Setting(
        crm_settings.NOT_SURE,
        _org_choice(lambda c: [field.name for field in c.currency_fields], _CURRENCY_FIELDS),
    ),
    sync_settings.INTERVAL_HOURS: Setting(
        sync_settings.DEFAULT_INTERVAL_HOURS, _whole_number(1, 24 * 30)
    ),
    sync_settings.BULK_THRESHOLD: Setting(sync_settings.DEFAULT_BULK_THRESHOLD, _whole_number(1)),
    sync_settings.API_RESERVE: Setting(sync_settings.AUTO, _reserve),
    DEMO_PORT_SETTING: Setting(DEFAULT_DEMO_PORT, _whole_number(1024, 65535)),
    writeback_settings.ENABLED: Setting(False, _yes_no),
    writeback_settings.KINDS_SETTING: Setting(list(writeback_settings.KINDS), _kinds),
    writeback_settings.BATCH_SIZE: Setting(
        writeback_settings.MAX_BATCH, _whole_number(1, writeback_settings.MAX_BATCH)
    ),
}


def _no_choices() -> CrmChoices:
    return CrmChoices((), ())


def change(store: Store, key: str, value: str, choices: ChoicesProvider = _no_choices) -> object:
    """Check and keep a setting; returns the stored value."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise SettingError(
            QT_TRANSLATE_NOOP("Settings", "unknown setting {key}; known: {known}").format(
                key=key, known=", ".join(sorted(SETTINGS))
            )
        )
    stored = setting.parse(key, value.strip(), choices)
    settings.put(store, key, stored)
    return stored


def show(store: Store) -> dict[str, object]:
    """Every setting with its value (the default where the admin chose none)."""
    stored = settings.all_settings(store)
    defaults = {key: setting.default for key, setting in sorted(SETTINGS.items())}
    return defaults | stored
