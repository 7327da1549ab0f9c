"""The sync's smaller parts: matching keys, Id ranges, the schedule, polling, CSV records cut
at chunk ends, and the store migration that brought the CRM tables."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from navsync_desktop.engine.schedule import next_sync_due
from navsync_desktop.engine.sync_plan import part_boundaries
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Number, Text
from navsync_desktop.salesforce.bulk_query import (
    PollBackoff,
    _quoted_records,
    _records,
    _records_end,
)
from navsync_desktop.salesforce.record_ids import (
    case_suffix,
    id_number,
    id_of_number,
    split_id_range,
)
from navsync_desktop.store import Store, crm_records, sync_runs
from navsync_desktop.store.match_keys import company_key, name_key, profile_key, web_domain
from navsync_desktop.store.migrations import LATEST_VERSION, MIGRATIONS


@pytest.mark.parametrize(
    ("parts", "key"),
    [
        (("Jürgen", "Müller"), "jurgen muller"),
        (("  JÜRGEN ", "müller"), "jurgen muller"),
        (("Renée", "de Vries-Øster"), "renee de vries øster"),
        ((None, "Schröder"), "schroder"),
        ((None, None), None),
        (("", ""), None),
    ],
)
def test_name_keys_ignore_case_accents_and_spacing(parts, key):
    assert name_key(*parts) == key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Nordlicht Logistik GmbH & Co. KG", "nordlicht logistik"),
        ("nordlicht logistik gmbh", "nordlicht logistik"),
        ("Adler Chemie Oy", "adler chemie"),
        ("GmbH", "gmbh"),
        (None, None),
    ],
)
def test_company_keys_drop_the_legal_form(name, key):
    assert company_key(name) == key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.linkedin.com/in/Jane-Doe/", "linkedin.com/in/jane-doe"),
        ("http://de.linkedin.com/in/jane-doe?trk=public", "linkedin.com/in/jane-doe"),
        ("linkedin.com/in/jane-doe", "linkedin.com/in/jane-doe"),
        ("https://www.linkedin.com/company/northwind/", "linkedin.com/company/northwind"),
        ("https://de.linkedin.com/in/J%C3%BCrgen-Doe/?trk=x", "linkedin.com/in/jürgen-doe"),
        ("https://www.linkedin.com/in/Ju\u0308rgen-Doe", "linkedin.com/in/jürgen-doe"),  # NFD
        ("  https://www.linkedin.com/in/jane-doe  ", "linkedin.com/in/jane-doe"),
        (" Not A Profile ", "not a profile"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_profile_keys_make_url_variants_equal(url, key):
    assert profile_key(url) == key


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.Example.com/about", "example.com"),
        ("example.com", "example.com"),
        ("http://shop.example.co.uk", "shop.example.co.uk"),
        ("   ", None),
        (None, None),
    ],
)
def test_web_domains(url, domain):
    assert web_domain(url) == domain


def test_record_ids_round_trip_and_split_evenly():
    first, last = "003Dm0000000001IAA", "003Dm0000000Q0uIAE"
    assert id_of_number(id_number(first)) == first and id_of_number(id_number(last)) == last
    assert case_suffix("001Dm000000000D") == "IAQ"
    bounds = split_id_range(first, last, 4)
    assert len(bounds) == 3 and first < bounds[0] < bounds[1] < bounds[2] < last
    widths = [id_number(b) - id_number(a) for a, b in pairwise([first, *bounds, last])]
    assert max(widths) - min(widths) <= 1
    assert split_id_range(first, first, 4) == [], "nothing to split"


def test_a_bulk_read_starts_with_a_small_part():
    first, last = "003Dm0000000001IAA", "003Dm0000000Q0uIAE"
    bounds = part_boundaries(first, last, 100_000)  # 8 parts of 12,500: the first cut at a quarter
    widths = [id_number(b) - id_number(a) for a, b in pairwise([first, *bounds, last])]
    assert len(widths) == 9 and widths[0] == min(widths)
    assert abs(widths[0] * 4 - widths[2]) <= 4  # a quarter of the others
    assert abs(widths[0] + widths[1] - widths[2]) <= 1  # cut from the first of them
    assert max(widths[2:]) - min(widths[2:]) <= 1
    assert part_boundaries(first, first, 100_000) == []


def test_next_sync_is_due_one_interval_after_the_last():
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert next_sync_due(None, 24, now) == now, "never synced: now"
    last = now - timedelta(hours=3)
    assert next_sync_due(last, 24, now) == last + timedelta(hours=24)
    assert next_sync_due(last, 2, now) < now, "overdue: in the past means now"


def test_polling_starts_quick_and_backs_off_to_a_ceiling():
    delays = PollBackoff().delays()
    first = [next(delays) for _ in range(14)]
    assert first[0] == 0.02 and first[1] > first[0]
    assert all(b >= a for a, b in pairwise(first))
    assert first[-1] == 2.0 and sum(first[:4]) < 0.5


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ('"a","b"\n"c","d"\n"e"', 16),
        ('"a","line\nbreak"\n"c', 17),
        ('"a","still open\n', 0),
        ('"say ""hi""\n","x"\n', 18),
        ("", 0),
    ],
)
def test_a_chunk_ends_after_its_last_complete_record(text, end):
    assert _records_end(text) == end
    if end:
        assert list(csv.reader(io.StringIO(text[:end], newline="")))


def _csv_text(rows: list[list[str]]) -> str:
    """Records the way Salesforce writes them: every value quoted, a line end after each."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


_VALUES = st.text(st.characters(codec="utf-8"), max_size=12)
_SPECIAL = st.sampled_from(['"', ",", "\n", "\r", "\t", "\\", '\\"', "],[", "\\u0022", " ", ""])


@given(st.lists(st.lists(_VALUES | _SPECIAL, min_size=1, max_size=5), min_size=1, max_size=6))
def test_bulk_records_read_as_csv_reads_them(rows):
    text = _csv_text(rows)
    assert _records(text) == list(csv.reader(io.StringIO(text, newline="")))


@given(st.text(st.sampled_from('"",\n\r\\ a[]{}0nul'), max_size=40))
def test_any_text_reads_as_csv_reads_it(text):
    assert _records(text) == list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("text", "quick"),
    [
        ('"Id","Name"\n"001","Anna"\n"002",""\n', True),
        ('"001","C:\\temp\\new","tab\there"\n', True),
        ('"001","say ""hi"""\n', False),  # a quote inside a value
        ('"001","line\nbreak"\n', False),  # a line end inside a value
        ('"001",42\n', False),  # a value not quoted
        ('"001", "x"\n', False),  # a space outside the quotes
        ('"001","x"\r\n', False),  # CRLF
        ('"001","x"', False),  # no line end after the last record
    ],
)
def test_records_in_salesforce_form_take_the_quick_way(text, quick):
    assert (_quoted_records(text) is not None) == quick
    assert _records(text) == list(csv.reader(io.StringIO(text, newline="")))


def test_texts_are_kept_in_a_form_that_translates_later():
    text = QT_TRANSLATE_NOOP("Sync", "Saving {sobject}…").format(
        sobject=QT_TRANSLATE_NOOP("Seats", "Admin")
    )
    assert Text.from_json(json.loads(json.dumps(text.to_json()))) == text
    # quantities and moments stay values, to be written in the reader's locale later
    counted = QT_TRANSLATE_NOOP("Sync", "{read} at {when}").format(
        read=Number(41000), when=datetime(2026, 11, 27, 14, 2, tzinfo=UTC)
    )
    assert Text.from_json(json.loads(json.dumps(counted.to_json()))) == counted


def test_the_crm_migration_keeps_the_run_history_and_allows_cancelled(tmp_path):
    crm_step = next(n for n, step in enumerate(MIGRATIONS) if "CREATE TABLE crm_contact" in step)
    path = tmp_path / "navsync.db"
    with sqlite3.connect(path) as db:
        for step in MIGRATIONS[:crm_step]:
            db.executescript(step)
        db.execute(
            "INSERT INTO sync_runs (kind, status, started_at, finished_at, error) VALUES "
            "('full', 'succeeded', '2026-01-01T10:00:00+00:00', '2026-01-01T10:05:00+00:00', "
            "NULL), ('incremental', 'failed', '2026-01-02T10:00:00+00:00', "
            "'2026-01-02T10:01:00+00:00', 'Salesforce kept failing')"
        )
        db.execute(f"PRAGMA user_version = {crm_step}")
    db.close()

    with Store.open(path) as store:
        assert store.version == LATEST_VERSION
        runs = sync_runs.history(store)
        assert [(run.full, run.status) for run in runs] == [(False, "failed"), (True, "succeeded")]
        assert str(runs[0].error) == "Salesforce kept failing"
        assert sync_runs.last_synced(store) == datetime(2026, 1, 1, 10, 5, tzinfo=UTC)
        run_id = sync_runs.start(store, "full")
        store.connection.execute(
            "UPDATE sync_runs SET status = 'cancelled' WHERE id = ?", (run_id,)
        )
        assert store.integrity() == "ok"


def test_a_run_left_running_by_a_killed_program_reads_as_interrupted(tmp_path):
    with Store.open(tmp_path / "navsync.db") as store:
        stale = sync_runs.start(store, "full")
        sync_runs.start(store, "incremental")
        [_, old] = sync_runs.history(store)
    assert old.id == stale and old.status == "failed"
    assert "interrupted" in str(old.error)


def _contact(record_id: str, email: str, title: str, name_key: str = "ada lovelace") -> tuple:
    return (record_id, email, title, name_key, "2026-01-01T00:00:00.000Z")


def _stage_contacts(db: sqlite3.Connection, rows: list[tuple], deleted: list[str]) -> None:
    crm_records.create_staging(db, "crm_contact")
    db.executemany(
        "INSERT INTO main.stage_crm_contact (id, email, title, name_key, system_modstamp) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    crm_records.write_batch(
        db,
        crm_records.deletion_insert("crm_contact"),
        [(i, "2026-01-02T00:00:00Z") for i in deleted],
    )


def test_a_staged_batch_keeps_every_row_and_value_across_statements(store):
    # 1,000 rows a statement at most, and fewer where SQLite allows fewer parameters
    rows = [_contact(f"003{n:05d}", f"p{n}@example.com", None) for n in range(2_345)]
    rows[7] = ("003X", "", "CEO", "o'brien", "2026-01-01T00:00:00.000Z")  # bound as they are
    with store.transaction() as db:
        db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        crm_records.create_staging(db, "crm_contact")
        names = ["id", "email", "title", "name_key", "system_modstamp"]
        insert = crm_records.staging_insert(
            "crm_contact", names, [f"column{n}" for n in range(1, 6)]
        )
        crm_records.write_batch(db, insert, rows)
        staged = db.execute(
            "SELECT id, email, title, name_key, system_modstamp FROM main.stage_crm_contact"
        ).fetchall()
        assert sorted(map(tuple, staged)) == sorted(rows)
        with pytest.raises(sqlite3.ProgrammingError, match="different lengths"):
            crm_records.write_batch(db, insert, [rows[0], (*rows[1], "one too many")])


def test_a_swap_writes_the_values_that_differ_and_keeps_the_indexes_true(store):
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO crm_contact (id, email, title, name_key, system_modstamp) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                _contact("003A", "same@example.com", "CEO"),
                _contact("003B", "Ada@Example.com", "CTO"),
                _contact("003C", "gone@example.com", "CFO"),
                _contact("003E", "eve@example.com", "CIO"),
            ],
        )
    with store.transaction() as db:
        _stage_contacts(
            db,
            [
                _contact("003A", "same@example.com", "CEO"),  # unchanged
                _contact("003B", "ada@example.com", "CTO", "ada king"),  # case and key changed
                _contact("003D", "new@example.com", "COO"),  # new
                _contact("003E", "eve@example.com", "CMO"),  # a column of no index changed
            ],
            deleted=["003C"],
        )
        counts = crm_records.swap(db, "crm_contact", full=False)
    assert counts == crm_records.SwapCounts(changed=3, deleted=1, total=4)
    db = store.connection
    rows = db.execute("SELECT id, email, title, name_key FROM crm_contact ORDER BY id").fetchall()
    assert [tuple(row) for row in rows] == [
        ("003A", "same@example.com", "CEO", "ada lovelace"),
        ("003B", "ada@example.com", "CTO", "ada king"),
        ("003D", "new@example.com", "COO", "ada lovelace"),
        ("003E", "eve@example.com", "CMO", "ada lovelace"),
    ]
    by_key = "SELECT id FROM crm_contact INDEXED BY crm_contact_name_key WHERE name_key = ?"
    assert [tuple(row) for row in db.execute(by_key, ("ada king",))] == [("003B",)]
    assert store.integrity() == "ok"  # every index entry matches its row

    with store.transaction() as db:  # a full read: what it did not see is gone
        _stage_contacts(db, [_contact("003A", "same@example.com", "CEO")], deleted=[])
        counts = crm_records.swap(db, "crm_contact", full=True)
    assert counts == crm_records.SwapCounts(changed=0, deleted=3, total=1)


def test_a_table_filled_anew_keeps_its_indexes_partial(store):
    with store.transaction() as db:
        _stage_contacts(db, [_contact("003A", "ada@example.com", "CEO")], deleted=[])
        crm_records.index_staging(db, "crm_contact", 1)  # as a first sync does, under "…__b"
        crm_records.swap(db, "crm_contact", full=True)
    indexes = dict(
        store.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crm_contact'"
        ).fetchall()
    )
    assert indexes["crm_contact_member_token__b"].endswith(
        "WHERE linkedin_member_token IS NOT NULL"
    )
    assert "WHERE" not in indexes["crm_contact_email__b"]
    assert store.integrity() == "ok"


def test_building_indexes_and_merging_leave_the_connections_settings_as_they_were(store):
    db = store.connection
    db.execute("PRAGMA cache_size = -3000")

    def settings():
        return [db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("threads", "cache_size")]

    before = settings()
    contacts = [_contact(f"003{n:05d}", f"p{n}@example.com", "CEO") for n in range(3000)]
    with store.transaction() as transaction:
        _stage_contacts(transaction, contacts, deleted=[])
        # as for a large object: SQLite sorts on a helper thread
        crm_records.index_staging(transaction, "crm_contact", 100_000)
        crm_records.swap(transaction, "crm_contact", full=True)
    assert settings() == before
    with store.transaction() as transaction:  # changes merged with a larger page cache
        _stage_contacts(transaction, [_contact("00300007", "p7@example.com", "CMO")], deleted=[])
        counts = crm_records.swap(transaction, "crm_contact", full=False)
    assert counts == crm_records.SwapCounts(changed=1, deleted=0, total=3000)
    assert settings() == before
    by_email = "SELECT id, title FROM crm_contact WHERE email = ?"
    found = db.execute(by_email, ("p7@example.com",)).fetchall()
    assert [tuple(row) for row in found] == [("00300007", "CMO")]
    plan = " ".join(row["detail"] for row in db.execute(f"EXPLAIN QUERY PLAN {by_email}", ("x",)))
    assert "INDEX crm_contact_email" in plan
    assert store.integrity() == "ok"
