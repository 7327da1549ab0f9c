"""The import of LinkedIn's messages.csv, one fact of the real format per test, and a fuzz:
any input ends in a clean import or a clean rejection, never a traceback or half an import."""

from __future__ import annotations

import csv
import io
import string
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linkedin_export import HEADER, Member, row, write

from navsync_desktop.engine import seats
from navsync_desktop.engine.activities import list_activities, matching_name
from navsync_desktop.engine.linkedin_import import ImportRejected, import_messages
from navsync_desktop.store.match_keys import profile_key

SEAT_EMAIL = "lena@northwind-demo.example"
SEAT = Member("Lena Hoffmann", "https://www.linkedin.com/in/lena-hoffmann/")
JANE = Member("Jane Doe", "https://www.linkedin.com/in/jane-doe")
BOB = Member("Bob Roe", "https://www.linkedin.com/in/bob-roe")
WHEN = datetime(2023, 7, 8, 8, 39, 28, tzinfo=UTC)


@pytest.fixture
def seat(store):
    seats.add_seat(store, email=SEAT_EMAIL, name=SEAT.name, profile_url=SEAT.url)
    return store


def imported(store, tmp_path, rows, **options):
    result = import_messages(store, write(tmp_path / "messages.csv", rows, **options), SEAT_EMAIL)
    return result, list_activities(store)


def count(store) -> int:
    return store.connection.execute("SELECT count(*) FROM activities").fetchone()[0]


def test_the_exports_header_in_any_order_with_newer_columns_ignored(seat, tmp_path):
    header = [*reversed(HEADER), "IS MESSAGE DRAFT"]
    rows = [[*reversed(row("2-a", SEAT, [JANE], WHEN, "Hi")), "false"]]
    result, kept = imported(seat, tmp_path, rows, header=header)
    assert result.added == 1 and kept[0].person_url == JANE.url and kept[0].content == "Hi"


def test_a_missing_required_column_is_named(seat, tmp_path):
    header = [name for name in HEADER if name != "SENDER PROFILE URL"]
    path = tmp_path / "m.csv"
    path.write_text(",".join(header) + "\r\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="line 1: the header lacks the column SENDER PROFILE"):
        import_messages(seat, path, SEAT_EMAIL)


def test_the_date_is_read_as_utc(seat, tmp_path):
    _, kept = imported(seat, tmp_path, [row("2-a", JANE, [SEAT], WHEN, "Hi")])
    assert kept[0].occurred_at == WHEN


def test_direction_comes_from_the_sender_url_in_any_spelling(seat, tmp_path):
    spelled = Member(SEAT.name, "http://de.linkedin.com/in/Lena-Hoffmann?trk=abc")
    _, kept = imported(
        seat,
        tmp_path,
        [
            row("2-a", spelled, [JANE], WHEN, "Hi", folder=""),
            row("2-a", JANE, [SEAT], WHEN + timedelta(minutes=1), "Hello", folder="ARCHIVE"),
        ],
    )
    assert [(a.direction, a.person_url) for a in kept] == [
        ("sent", JANE.url),
        ("received", JANE.url),
    ]


def test_group_messages_have_each_recipient_when_sent_and_only_the_sender_when_received(
    seat, tmp_path
):
    _, kept = imported(
        seat,
        tmp_path,
        [
            row("2-g", SEAT, [JANE, BOB], WHEN, "Hi both"),
            row("2-g", JANE, [SEAT, BOB], WHEN + timedelta(minutes=1), "Hi all"),
        ],
    )
    sent = sorted(a.person_name for a in kept if a.direction == "sent")
    received = [a.person_name for a in kept if a.direction == "received"]
    assert sent == ["Bob Roe", "Jane Doe"] and received == ["Jane Doe"]


def test_a_subject_makes_an_inmail_replies_too(seat, tmp_path):
    _, kept = imported(
        seat,
        tmp_path,
        [
            row("2-i", SEAT, [JANE], WHEN, "Pilot?", subject="Pilot"),
            row("2-i", JANE, [SEAT], WHEN + timedelta(hours=1), "Yes", subject="Re: Pilot"),
            row("2-m", JANE, [SEAT], WHEN, "Plain"),
        ],
    )
    assert [a.kind for a in kept] == ["inmail", "message", "inmail"]


def test_sponsored_inmails_are_skipped_with_the_reason(seat, tmp_path):
    ad = Member("Acme Cloud", None)
    result, kept = imported(
        seat,
        tmp_path,
        [row("2-s", ad, [SEAT], WHEN, "<html><body><p>Try it</p></body></html>", title="Q3 promo")],
    )
    assert result.skipped == 1 and (kept[0].state, kept[0].reason) == ("skipped", "sponsored")


def test_a_linkedin_member_without_url_is_unresolved_without_url(seat, tmp_path):
    from navsync_desktop.engine import writeback_settings
    from navsync_desktop.store import settings as kept_settings

    kept_settings.put(seat, writeback_settings.ENABLED, True)
    member = Member("LinkedIn Member", None)
    result, kept = imported(
        seat,
        tmp_path,
        [row("2-x", member, [SEAT], WHEN, "Hi"), row("2-x", SEAT, [member], WHEN, "Hello")],
    )
    assert result.unresolved == 2
    assert {(a.direction, a.state, a.reason) for a in kept} == {
        ("received", "unresolved", "no_url"),
        ("sent", "unresolved", "no_url"),
    }


def test_profile_url_spellings_are_one_person():
    spellings = [
        "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/",
        "http://linkedin.com/in/jürgen-müller",
        "https://de.linkedin.com/in/J%c3%bcrgen-M%c3%bcller?trk=people#top",
        "www.linkedin.com/in/jürgen-müller/",
    ]
    assert {profile_key(url) for url in spellings} == {"linkedin.com/in/jürgen-müller"}


def test_content_keeps_quotes_commas_line_breaks_emojis_html_and_long_and_empty_text(
    seat, tmp_path
):
    texts = [
        'Hi Jane,\r\nsee "the offer", page 2 🙂',
        "<p>A <b>bold</b> fragment</p>",
        "x" * 100_000,
        "",
    ]
    rows = [
        row(f"2-{n}", JANE, [SEAT], WHEN + timedelta(minutes=n), t) for n, t in enumerate(texts)
    ]
    result, kept = imported(seat, tmp_path, rows)
    assert result.added == 4 and [a.content for a in kept] == texts


def test_utf8_with_bom_is_read_and_mojibake_is_kept_but_repaired_for_matching(seat, tmp_path):
    garbled = Member("JÃ¼rgen MÃ¼ller", "https://www.linkedin.com/in/juergen")
    _, kept = imported(seat, tmp_path, [row("2-b", garbled, [SEAT], WHEN, "Hi")], bom=True)
    assert kept[0].person_name == "JÃ¼rgen MÃ¼ller"
    assert matching_name(kept[0].person_name) == "Jürgen Müller"
    assert matching_name("JoÃo Ã…sa") == "JoÃo Ã…sa"  # no unambiguous repair: kept


def test_a_file_that_is_not_utf8_is_rejected_naming_the_line(seat, tmp_path):
    path = write(tmp_path / "m.csv", [row("2-a", JANE, [SEAT], WHEN, "Hi")])
    with path.open("ab") as handle:
        handle.write("2-b,,Jörg,,,,2023-07-08 08:39:28 UTC,,Grüße,,\r\n".encode("latin-1"))
    with pytest.raises(ImportRejected, match=r"line 3: the file is not UTF-8"):
        import_messages(seat, path, SEAT_EMAIL)
    assert count(seat) == 0


@pytest.mark.parametrize(
    ("tail", "problem"),
    [
        ('2-c,,Jane,,,,2023-07-08 08:39:28 UTC,,"never closed,,\r\n', "malformed"),
        ("2-c,,Jane,,,,08.07.2023 08:39,,Hi,,\r\n", "the DATE"),
        ("2-c,,Jane\r\n", "columns where the header has"),
    ],
)
def test_a_malformed_file_is_rejected_whole_naming_the_line(seat, tmp_path, tail, problem):
    path = write(
        tmp_path / "m.csv",
        [
            row("2-a", JANE, [SEAT], WHEN, "first,\r\nmultiline"),
            row("2-b", JANE, [SEAT], WHEN, "2"),
        ],
    )
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(tail)
    # the header, a message over two lines, a message: the bad one starts on line 5
    with pytest.raises(ImportRejected, match=rf"line 5: .*{problem}") as rejected:
        import_messages(seat, path, SEAT_EMAIL)
    assert str(rejected.value).endswith("Nothing was imported.")
    assert count(seat) == 0


def test_importing_again_or_an_overlapping_newer_export_adds_nothing_twice(seat, tmp_path):
    first = [row("2-a", SEAT, [JANE], WHEN + timedelta(minutes=n), f"m{n}") for n in range(5)]
    newer = [*first[2:], row("2-a", JANE, [SEAT], WHEN + timedelta(hours=2), "new")]
    assert imported(seat, tmp_path, first)[0].added == 5
    again, _ = imported(seat, tmp_path, first)
    assert (again.added, again.already) == (0, 5)
    overlap, kept = imported(seat, tmp_path, newer)
    assert (overlap.added, overlap.already) == (1, 3) and len(kept) == 6


def test_a_seat_without_profile_url_cannot_import(store, tmp_path):
    seats.add_seat(store, email=SEAT_EMAIL, name=SEAT.name)
    with pytest.raises(ImportRejected, match="has no LinkedIn profile URL"):
        import_messages(store, write(tmp_path / "m.csv", []), SEAT_EMAIL)


# the fuzz

_CELL = st.text(alphabet=string.printable + "äöüß€🙂\u2028\x00", max_size=30)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(st.lists(_CELL, min_size=0, max_size=12), max_size=6).map(
            lambda rows: _as_csv([HEADER, *rows])
        ),
        st.lists(st.lists(_CELL, min_size=11, max_size=11), max_size=6).map(
            lambda rows: _as_csv([HEADER, *[_with_date(r) for r in rows]])
        ),
    )
)
def test_any_input_is_imported_cleanly_or_rejected_cleanly(seat, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "messages.csv"
    path.write_bytes(data)
    before = count(seat)
    try:
        result = import_messages(seat, path, SEAT_EMAIL)
    except ImportRejected as rejected:
        assert "\n" not in str(rejected) and str(rejected).endswith("Nothing was imported.")
        assert count(seat) == before, "a rejected file leaves nothing behind"
    else:
        assert count(seat) == before + result.added


def _as_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def _with_date(cells: list[str]) -> list[str]:
    cells = list(cells)
    cells[6] = "2024-01-02 03:04:05 UTC"
    return cells
