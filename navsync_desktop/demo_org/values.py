"""Field values in their three forms: API JSON, SQLite storage, and Bulk CSV text.

Storage keeps values sortable and comparable in SQL: datetimes as fixed-width UTC text in
Salesforce's own form ("2026-11-26T10:00:00.000+0000"), dates as "YYYY-MM-DD", booleans as 0/1,
numbers as numbers.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from .errors import ApiError
from .ids import normalize_id
from .schema import NUMBER_TYPES, FieldDef

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_JSON_KIND = {bool: "VALUE_TRUE", int: "VALUE_NUMBER_INT", float: "VALUE_NUMBER_FLOAT"}


def format_datetime(moment: datetime) -> str:
    """Salesforce's datetime text in UTC, e.g. 2026-11-26T10:00:00.000+0000."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}+0000"


def now_text() -> str:
    return format_datetime(datetime.now(UTC))


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 datetime with Z, an offset, or none (then UTC); None when unparsable."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def to_json(fdef: FieldDef, stored: object) -> object:
    """The API JSON value of a stored value."""
    if fdef.type == "boolean" and stored is not None:
        return bool(stored)
    return stored


def csv_sql(expression: str, fdef: FieldDef) -> str:
    """SQL computing the Bulk 2.0 CSV text of a column, so rows need no Python conversion."""
    if fdef.type == "boolean":
        return (
            f"CASE WHEN {expression} IS NULL THEN '' WHEN {expression} THEN 'true' ELSE 'false' END"
        )
    return f"COALESCE(CAST({expression} AS TEXT), '')"


def from_api(fdef: FieldDef, value: object) -> object:
    """The stored form of an API JSON value for `fdef`; ApiError(400) when it does not fit."""
    if value is None or (value == "" and fdef.type != "boolean"):
        return None
    if fdef.type == "boolean":
        return _boolean(fdef, value)
    if fdef.type in NUMBER_TYPES:
        return _number(fdef, value)
    if not isinstance(value, str):
        raise _parse_error(fdef, value)
    if fdef.type == "date":
        return _date(fdef, value)
    if fdef.type == "datetime":
        return _datetime(fdef, value)
    if fdef.type in ("reference", "id"):
        return _reference(fdef, value)
    return _text(fdef, value)


def _boolean(fdef: FieldDef, value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return int(value.lower() == "true")
    raise _parse_error(fdef, value)


def _number(fdef: FieldDef, value: object) -> int | float:
    if isinstance(value, bool):
        raise _parse_error(fdef, value)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _parse_error(fdef, value) from None
    return int(number) if fdef.type == "int" else number


def _date(fdef: FieldDef, value: str) -> str:
    parsed = parse_date(value)
    if parsed is None:
        raise _parse_error(fdef, value)
    return parsed.isoformat()


def _datetime(fdef: FieldDef, value: str) -> str:
    moment = parse_datetime(value)
    if moment is None:
        raise _parse_error(fdef, value)
    return format_datetime(moment)


def _reference(fdef: FieldDef, value: str) -> str:
    normalized = normalize_id(value)
    if normalized is None:
        raise ApiError(
            400, "MALFORMED_ID", f"{fdef.label}: id value of incorrect type: {value}", [fdef.name]
        )
    return normalized


def _text(fdef: FieldDef, value: str) -> str:
    if fdef.length and len(value) > fdef.length and fdef.type != "base64":
        raise ApiError(
            400,
            "STRING_TOO_LONG",
            f"{fdef.label}: data value too large: {value[:40]} (max length={fdef.length})",
            [fdef.name],
        )
    if fdef.type == "email" and not _EMAIL.fullmatch(value):
        raise ApiError(
            400,
            "INVALID_EMAIL_ADDRESS",
            f"{fdef.label}: invalid email address: {value}",
            [fdef.name],
        )
    if fdef.restricted and value not in fdef.picklist:
        raise ApiError(
            400,
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            f"{fdef.label}: bad value for restricted picklist field: {value}",
            [fdef.name],
        )
    return value


def _parse_error(fdef: FieldDef, value: object) -> ApiError:
    kind = _JSON_KIND.get(type(value), "VALUE_STRING")
    if isinstance(value, bool) and not value:
        kind = "VALUE_FALSE"
    target = {"boolean": "boolean", "date": "Date", "datetime": "Datetime"}.get(fdef.type, "")
    target = target or ("double" if fdef.type in NUMBER_TYPES else "String")
    return ApiError(
        400,
        "JSON_PARSER_ERROR",
        f"Cannot deserialize instance of {target} from {kind} value {value} "
        f"or request may be missing a required field",
        [fdef.name],
    )
