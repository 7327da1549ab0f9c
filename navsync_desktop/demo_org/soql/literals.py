"""SOQL literals: string escapes and relative date literals (TODAY, LAST_N_DAYS:n, ...).

Relative dates are resolved in UTC (Salesforce uses the running user's time zone); weeks start
on Monday, as in the org's German locale.
"""

from __future__ import annotations

from datetime import date, timedelta
from string import hexdigits

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
# Salesforce's date fields hold 1700-01-01 through 4000-12-31
EARLIEST_DATE = date(1700, 1, 1)
LATEST_DATE = date(4000, 12, 31)


class BadEscape(ValueError):
    """A backslash sequence SOQL does not allow."""


class DateLiteralOutOfRange(ValueError):
    """A relative date literal whose range leaves the dates Salesforce can hold."""


def _unicode_escape(body: str, i: int) -> tuple[str, int]:
    """The character of a \\uXXXX escape at ``body[i]`` (a surrogate pair counts as one
    character, as in Java) and how many characters of ``body`` it used."""
    digits = body[i + 2 : i + 6]
    if len(digits) != 4 or not all(char in hexdigits for char in digits):
        raise BadEscape("\\u" + digits)
    code = int(digits, 16)
    if 0xD800 <= code <= 0xDBFF and body[i + 6 : i + 8] == "\\u":
        low = body[i + 8 : i + 12]
        if len(low) == 4 and all(char in hexdigits for char in low):
            low_code = int(low, 16)
            if 0xDC00 <= low_code <= 0xDFFF:
                return chr(0x10000 + ((code - 0xD800) << 10) + (low_code - 0xDC00)), 12
    if 0xD800 <= code <= 0xDFFF:  # half a pair is no character
        raise BadEscape("\\u" + digits)
    return chr(code), 6


def decode_string(raw: str, *, like: bool = False) -> str:
    """The text of a quoted SOQL string. For LIKE, \\% and \\_ stay escaped (ESCAPE '\\')."""
    body, out, i = raw[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        escaped = body[i + 1 : i + 2]
        if like and escaped in ("%", "_", "\\"):
            out.append("\\" + escaped)
        elif escaped.lower() in _ESCAPES or escaped in _ESCAPES:
            out.append(_ESCAPES[escaped.lower() if escaped.isalpha() else escaped])
        elif escaped == "u":
            char, used = _unicode_escape(body, i)
            out.append(char)
            i += used - 2
        else:
            raise BadEscape("\\" + escaped)
        i += 2
    return "".join(out)


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def date_range(literal: str, today: date) -> tuple[date, date]:
    """The half-open [start, end) range of days a relative date literal stands for;
    DateLiteralOutOfRange when it leaves the dates Salesforce can hold."""
    try:
        start, end = _date_range(literal, today)
    except (OverflowError, ValueError):  # beyond what a date can be at all
        raise DateLiteralOutOfRange(literal) from None
    if start < EARLIEST_DATE or end > LATEST_DATE + timedelta(days=1):
        raise DateLiteralOutOfRange(literal)
    return start, end


def _date_range(literal: str, today: date) -> tuple[date, date]:
    name, _, count = literal.upper().partition(":")
    n = int(count) if count else 0
    day = timedelta(days=1)
    monday = today - timedelta(days=today.weekday())
    year = date(today.year, 1, 1)
    ranges = {
        "TODAY": (today, today + day),
        "YESTERDAY": (today - day, today),
        "TOMORROW": (today + day, today + 2 * day),
        "THIS_WEEK": (monday, monday + 7 * day),
        "LAST_WEEK": (monday - 7 * day, monday),
        "NEXT_WEEK": (monday + 7 * day, monday + 14 * day),
        "THIS_MONTH": (_month_start(today), _month_start(today, 1)),
        "LAST_MONTH": (_month_start(today, -1), _month_start(today)),
        "NEXT_MONTH": (_month_start(today, 1), _month_start(today, 2)),
        "THIS_YEAR": (year, year.replace(year=today.year + 1)),
        "LAST_YEAR": (year.replace(year=today.year - 1), year),
        "NEXT_YEAR": (year.replace(year=today.year + 1), year.replace(year=today.year + 2)),
        "LAST_90_DAYS": (today - 90 * day, today + day),
        "NEXT_90_DAYS": (today + day, today + 91 * day),
        "LAST_N_DAYS": (today - n * day, today + day),
        "NEXT_N_DAYS": (today + day, today + (n + 1) * day),
        "LAST_N_MONTHS": (_month_start(today, -n), _month_start(today)),
        "NEXT_N_MONTHS": (_month_start(today, 1), _month_start(today, n + 1)),
    }
    return ranges[name]
