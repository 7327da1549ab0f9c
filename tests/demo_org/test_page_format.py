"""How the demo org's pages write dates, times, amounts and notes, in English and German."""

from __future__ import annotations

import base64
from datetime import UTC

import pytest

from navsync_desktop.demo_org.page_format import PageFormat, time_zone
from navsync_desktop.demo_org.record_data import note_text

BERLIN = time_zone("Europe/Berlin")


@pytest.mark.parametrize(
    ("language", "day", "moment", "money", "count"),
    [
        ("en", "1/16/2026", "1/16/2026, 12:30 AM", "€1,234,567.50", "12,500"),
        ("de", "16.01.2026", "16.01.2026, 00:30", "1.234.567,50 €", "12.500"),
    ],
)
def test_dates_times_and_amounts_follow_the_language(language, day, moment, money, count):
    fmt = PageFormat(language, BERLIN, "EUR")
    assert fmt.date("2026-01-16") == day
    # 23:30 UTC is already the next day in Berlin
    assert fmt.datetime("2026-01-15T23:30:00.000+0000") == moment
    assert fmt.money(1234567.5) == money
    assert fmt.number(12500) == count


def test_summer_time_and_noon_in_english():
    fmt = PageFormat("en", BERLIN)
    assert fmt.datetime("2026-07-01T10:05:00.000+0000") == "7/1/2026, 12:05 PM"


def test_an_unknown_time_zone_is_utc_and_bad_values_stay_as_they_are():
    assert time_zone("Not/A_Zone") is UTC
    assert time_zone(None) is UTC
    fmt = PageFormat("de")
    assert fmt.date("soon") == "soon"
    assert fmt.datetime("whenever") == "whenever"


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("<p>First</p><p>Second &amp; third</p>", "First\nSecond & third"),
        ("<ul><li>one</li><li>two</li></ul>line<br>break", "one\ntwo\nline\nbreak"),
        ("Plain text, no markup", "Plain text, no markup"),
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<script>alert(1)</script>"),
    ],
)
def test_a_note_reads_as_its_text(content, text):
    assert note_text(base64.b64encode(content.encode()).decode()) == text


def test_a_note_sent_as_plain_text_reads_as_it_is():
    assert note_text("not base64: ümlauts!") == "not base64: ümlauts!"
