"""SOQL literals: string escapes and relative date literals (TODAY, LAST_N_DAYS:n, ...).

Relative dates are resolved in UTC (Salesforce uses the running user's time zone); weeks start
on Monday, as in the org's German locale.
"""

from __future__ import annotations

from datetime import date, timedelta

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class BadEscape(ValueError):
    """A backslash sequence SOQL does not allow."""


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
        elif escaped == "u" and len(body) >= i + 6:
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 4
        else:
            raise BadEscape("\\" + escaped)
        i += 2
    return "".join(out)


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def date_range(literal: str, today: date) -> tuple[date, date]:
    """The half-open [start, end) range of days a relative date literal stands for."""
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
