"""Dates, times and numbers as a browser page shows them: in the page's language (English as a
US Salesforce user sees them, German as a German one does) and the viewing user's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .values import parse_datetime

_CURRENCY_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def time_zone(name: str | None) -> tzinfo:
    """The zone of a user's TimeZoneSidKey (an IANA name); UTC when there is none."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


@dataclass(frozen=True)
class PageFormat:
    language: str  # "en" or "de"
    zone: tzinfo = UTC
    currency: str = "EUR"

    def date(self, text: str) -> str:
        """2026-11-27 -> 11/27/2026 (en) or 27.11.2026 (de)."""
        try:
            day = date.fromisoformat(text[:10])
        except ValueError:
            return text
        return f"{day:%d.%m.%Y}" if self.language == "de" else f"{day.month}/{day.day}/{day.year}"

    def datetime(self, text: str) -> str:
        """A Salesforce datetime in the user's zone: 11/27/2026, 6:41 AM or 27.11.2026, 06:41."""
        moment = parse_datetime(text.replace("+0000", "+00:00"))
        if moment is None:
            return text
        local = moment.astimezone(self.zone)
        day = self.date(local.date().isoformat())
        if self.language == "de":
            return f"{day}, {local:%H:%M}"
        return f"{day}, {local.hour % 12 or 12}:{local:%M %p}"

    def number(self, value: float, decimals: int = 0) -> str:
        """Grouped thousands: 1,234.50 (en) or 1.234,50 (de)."""
        text = f"{value:,.{decimals}f}"
        if self.language == "de":
            text = text.translate(str.maketrans(",.", ".,"))
        return text

    def money(self, value: float) -> str:
        """An amount in the org's currency: €120,000.00 (en) or 120.000,00 € (de)."""
        sign = _CURRENCY_SIGNS.get(self.currency, self.currency)
        amount = self.number(value, 2)
        return f"{amount} {sign}" if self.language == "de" else f"{sign}{amount}"

    def yes_no(self, value: bool) -> str:
        if self.language == "de":
            return "Ja" if value else "Nein"
        return "Yes" if value else "No"
